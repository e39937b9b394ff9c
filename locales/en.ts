import type { Messages } from './fr';

/** English messages. */
export const en: Messages = {
  'app.name': 'Indiscrets',
  'clip.button': 'Clip this page',
  'clip.working': 'Clipping…',
  'clip.created': 'New draft: “{title}”',
  'clip.merged': 'This page already had a draft: the quote was added to it ({count} quotes).',
  'clip.mergedNoQuote': 'This page already had a draft: nothing new to add.',
  'clip.failed': 'Clipping failed: {error}',
  'clip.noTab': 'No tab to clip.',
  'menu.clipPage': 'Clip to Indiscrets',
  'menu.clipLink': 'Clip link to Indiscrets',
  'limit.browser-page':
    'The browser does not let extensions read its own pages: only the address and title were kept.',
  'limit.web-store':
    'The browser does not let extensions read the web store: only the address and title were kept.',
  'limit.pdf': 'The PDF viewer cannot be read: only the address and title were kept.',
  'limit.view-source':
    'A view-source page cannot be read: only the address and title were kept.',
  'limit.file':
    'Local files can be read only when “Allow access to file URLs” is on for Indiscrets: only the address and title were kept.',
  'limit.script-failed': 'This page refused our script: only the address and title were kept.',
  'drafts.heading': 'Drafts',
  'drafts.empty': 'No drafts yet. Clip a page to start.',
  'drafts.count': '{count} drafts',
  'drafts.quotes': '{count} quotes',
  'drafts.new': 'new',
  'provenance.label': 'Where the metadata came from',
  'provenance.guess': 'guessed',
  'badge.title': 'Indiscrets: {count} drafts not in an issue',
};
