import type { CoreMessages } from './core.fr';

/** English messages of the popup's first paint (see core.fr.ts); the others are in `en.ts`. */
export const coreEn: CoreMessages = {
  'clip.button': 'Clip this page',
  'clip.working': 'Clipping…',
  'clip.created': 'New draft: “{title}”',
  'clip.merged': 'This page already had a draft: the quote was added to it ({count|quote|quotes}).',
  'clip.beside':
    '{name} already has a draft of this page, which your role does not let you edit: yours was made beside it.',
  'clip.besideColleague':
    'A colleague already has a draft of this page, which your role does not let you edit: yours was made beside it.',
  'clip.mergedNoQuote': 'This page already had a draft: nothing new to add.',
  'clip.mergedInto':
    '{name} already had a draft of this page: your quote was added to it ({count|quote|quotes}).',
  'clip.mergedIntoColleague':
    'A colleague already had a draft of this page: your quote was added to it ({count|quote|quotes}).',
  'clip.mergedNoQuoteInto': '{name} already had a draft of this page: nothing new to add.',
  'clip.mergedNoQuoteIntoColleague':
    'A colleague already had a draft of this page: nothing new to add.',
  'clip.failed': 'Clipping failed.',
  'clip.noTab': 'No tab to clip.',
  'clip.truncated':
    'The selection was too long for a quote (100,000 characters or 20 separate passages at most): it was cut and ends with […].',
  'limit.browser-page': 'The browser does not let extensions read its own pages',
  'limit.web-store': 'The browser does not let extensions read the web store',
  'limit.pdf': 'The PDF viewer cannot be read',
  'limit.view-source': 'A view-source page cannot be read',
  'limit.file':
    'Local files can be read only when “Allow access to file URLs” is on for Indiscrets',
  'limit.script-failed': 'This page refused our script',
  /** Firefox's reader view (`about:reader?url=…`): the draft is the article's, its address an http(s) one. */
  'limit.reader-view': 'The browser’s reader view cannot be read',
  /** Why a page could not be read (`limit.*` above), then what the draft kept of it. */
  'limit.keptPage': '{reason}: only the address and title were kept.',
  /** The same, when the context menu gave the words selected: kept, as plain text, as the quote. */
  'limit.keptWords':
    '{reason}: only the address, the title and the words selected (as plain text, without their links) were kept.',
  /** After `limit.reader-view`: how to quote the page itself (its draft is the same). */
  'limit.readerViewHint':
    'To quote a passage with its links, leave reader view and clip the page again: the quote will be added to the same draft.',
  'drafts.heading': 'Drafts',
  'drafts.empty': 'No drafts yet. Clip a page to start.',
  'drafts.count': {
    one: '{count} draft',
    other: '{count} drafts',
  },
  'drafts.quotes': {
    one: '{count} quote',
    other: '{count} quotes',
  },
  'drafts.new': 'new',
  'drafts.inIssue': 'in an issue',
  'drafts.allInIssues': 'Every draft is in an issue. Clip a page to add one.',
  'provenance.label': 'Where the metadata came from',
  'provenance.guess': 'guessed',
  /** A line of a draft's tooltip: a field, by its name in the interface, and where it came from. */
  'provenance.line': '{field}: {source}',
  /** Where a value was found when the page did not declare it, in words (`og:title` stays as is). */
  'provenance.source.tab': 'tab',
  'provenance.source.hostname': 'host name',
  'provenance.source.link': 'link',
  'provenance.source.linkText': 'link text',
  'provenance.source.url': 'address',
  'provenance.source.location': 'page address',
  'common.close': 'Close',
  'common.loading': 'Loading…',
  'common.loadFailed': 'This part of the extension could not load. Close and reopen the window.',
  'nav.drafts': 'Drafts',
  'nav.issue': 'Issue',
  'nav.openDesk': 'Open the desk',
  'nav.options': 'Settings',
  'drafts.noIssueToAdd': 'No issue being composed: create one to add this draft to it.',
  'drafts.alreadyInIssue': '“{title}” is already in an issue.',
  'drafts.added': '“{title}” added to the issue.',
  /** A draft with no label, no text and no title, as a row, a list and a sentence name it. */
  'drafts.untitled': 'Untitled draft',
  'drafts.droppedShowsInbox': 'The drafts out of the issues are shown.',
  'drafts.droppedSearched': 'The search hides it in the drafts: clear it to see it.',
  'drafts.droppedFiltered':
    'The search or the filters hide it in the drafts: clear them to see it.',
  'desk.heading': 'Indiscrets desk',
  'desk.pageTitle': 'Indiscrets — desk',
  'popup.heading': 'Indiscrets',
  'popup.pageTitle': 'Indiscrets — drafts',
  'desk.clipHint':
    'To clip a page: the Indiscrets toolbar button, the context menu (“Clip to Indiscrets”) or {keys}.',
  'desk.clipHintNoKeys':
    'To clip a page: the Indiscrets toolbar button or the context menu (“Clip to Indiscrets”). No keyboard shortcut is set: choose one in the browser’s page of extension shortcuts.',
  'search.label': 'Search',
  'search.placeholder': 'Title, text, site, tag…',
  'search.none': 'No draft matches.',
  'search.noneInbox': 'No draft in the inbox matches.',
  'search.inAll': 'Search the issues too',
  'search.noneTrash': 'No draft in the trash matches.',
  'search.outOfTrash': 'Search outside the trash',
  'search.noneAll': 'No draft matches: try other words, or fewer filters.',
  'search.clear': 'Clear the search and filters',
  'filter.box': 'Where to look',
  // The drafts in no issue yet (« Hors numéro »): the inbox, as the README calls it; “Not in an
  // issue” was cut off in the desk's narrow column of drafts.
  'filter.boxInbox': 'Inbox',
  'filter.boxAll': 'All',
  'filter.boxTrash': 'Trash',
  'filter.status': 'Status',
  'filter.anyStatus': 'Any status',
  'filter.site': 'Site',
  'filter.anySite': 'Any site',
  'filter.tag': 'Tag',
  'filter.anyTag': 'Any tag',
  'tags.more': {
    one: 'and {count} more',
    other: 'and {count} more',
  },
  'trash.note': 'emptied after 30 days',
  'trash.restore': 'Restore',
  'trash.restored': '“{title}” is out of the trash.',
  'trash.empty': 'The trash is empty.',
  'status.draft': 'Draft',
  'status.checked': 'Checked',
  'status.ready': 'Ready',
  'editor.delete': 'Delete',
  'editor.deleteNamed': 'Delete “{title}”',
  'merged.row': '{name} merged it into “{title}”.',
  'merged.rowAnon': 'Merged into “{title}”.',
  'merged.rowTrashed': '{name} merged it into “{title}”, which is in the trash too.',
  'merged.rowTrashedAnon': 'Merged into “{title}”, which is in the trash too.',
  'merged.rowPending': '{name} merged it into another draft, not here yet.',
  'merged.rowPendingAnon': 'Merged into another draft, not here yet.',
  'merged.rowGone': '{name} merged it into another draft, no longer on the shared desk.',
  'merged.rowGoneAnon': 'Merged into another draft, no longer on the shared desk.',
  'merged.rowYou': 'Merged by you into “{title}”.',
  'merged.rowTrashedYou': 'Merged by you into “{title}”, which is in the trash too.',
  'merged.rowPendingYou': 'Merged by you into another draft, not here yet.',
  'merged.rowGoneYou': 'Merged by you into another draft, no longer on the shared desk.',
  'merged.open': 'Open',
  'merged.openNamed': 'Open “{title}”, which it was merged into',
  'undo.button': 'Undo',
  'undo.failed': 'Could not undo.',
  'undo.done': 'Undone.',
  'undo.nothing': 'Nothing to undo.',
  'undo.region': 'Last action',
  'undo.trashed': '“{title}” is in the trash.',
  'undo.removedIssueGone': 'The issue was deleted meanwhile: “{title}” stays in the drafts.',
  'undo.removedIssueGoneMany':
    'The issue was deleted meanwhile: the {count} items stay in the drafts.',
  'undo.movedIssueGone':
    'The issue it came from was deleted meanwhile: “{title}” stays in the one it was moved to.',
  'undo.movedIssueGoneMany':
    'The issue they came from was deleted meanwhile: the {count} items stay in the one they were moved to.',
  'undo.removedTrashed': '“{title}” is in the trash: it was not put back in the issue.',
  'undo.removedTrashedMany':
    '“{title}” and other items are in the trash: they were not put back in the issue.',
  'undo.removedDeleted': '“{title}” was deleted meanwhile: it cannot go back in the issue.',
  'undo.removedDeletedMany':
    '“{title}” and other items were deleted meanwhile: they cannot go back in the issue.',
  'undo.mergeKeptBody':
    'Merge undone. The text of “{title}”, changed since in the merged part, stays as it is: take out by hand what came from the other draft.',
  'undo.mergeKeptNote':
    'Merge undone. The note of “{title}”, changed since in the merged part, stays as it is: take out by hand what came from the other draft.',
  'undo.mergeKeptBoth':
    'Merge undone. The text and note of “{title}”, changed since in the merged part, stay as they are: take out by hand what came from the other draft.',
  'counts.words': '{words|word|words}',
  'issue.addShort': 'To issue',
  // Holds the visible « To issue » (WCAG 2.5.3: a speech-input user says what they see).
  'issue.addNamed': 'Add “{title}” to issue',
  'field.url': 'Address',
  'field.title': 'Title',
  'field.siteName': 'Site',
  'field.byline': 'Author',
  'field.publishedAt': 'Published',
  'field.lang': 'Language',
  'field.excerpt': 'Description',
  'field.imageUrl': 'Image',
  // The role after “You are”, with its article.
  'shared.roleAs.administrator': 'an Administrator',
  'shared.roleAs.editor': 'an Editor',
  'shared.roleAs.author': 'an Author',
  'shared.roleAs.contributor': 'a Contributor',
  'shared.roleAs.subscriber': 'a Subscriber',
  'shared.roleAs.none': 'without a role on this site',
  'shared.roleAs.custom': 'in the “{name}” role on this site',
  'shared.roleAs.customMany': 'in the {names} roles on this site',
  'shared.roleQuoted': '“{name}”',
  'shared.cannot.clip':
    'You are {role}: clipping pages for the shared desk is up to a Contributor or above.',
  'shared.cannot.arrange': 'You are {role}: ordering the issue is up to an Editor.',
  'shared.cannot.place':
    'You are {role}: putting drafts in the issue or taking them out is up to an Editor.',
  'shared.cannot.publish': 'You are {role}: publishing is up to an Editor.',
  'shared.cannot.editIssues': 'You are {role}: creating and editing issues is up to an Editor.',
  'shared.cannot.edit':
    'You are {role}: this draft is not yours; editing it is up to its author or an Editor. You can read it.',
  'shared.cannot.editOthers':
    'You are {role}: this draft is {name}’s; editing it is up to its author or an Editor. You can read it.',
  'shared.cannot.trash':
    'You are {role}: this draft is not yours; trashing it is up to its author or an Editor.',
  'shared.cannot.trashOthers':
    'You are {role}: this draft is {name}’s; trashing it is up to its author or an Editor.',
  'shared.cannot.trashInIssue':
    'You are {role}: this draft is in the issue; taking it out (even by trashing it) is up to an Editor.',
  'shared.cannot.merge':
    'You are {role}: this draft is not yours; merging it into another is up to its author or an Editor.',
  'shared.cannot.mergeOthers':
    'You are {role}: this draft is {name}’s; merging it into another is up to its author or an Editor.',
  'shared.cannot.mergeInIssue':
    'You are {role}: this draft is in the issue; taking it out (even by merging it into another) is up to an Editor.',
  'shared.cannot.mergeLocked': '{name} is editing it now: merge when they are done.',
  'shared.cannot.trashLocked': '{name} is editing it now: delete it when they are done.',
  'shared.cannot.mergeIntoLocked':
    '{name} is editing “{title}” now: merge into it when they are done.',
  'shared.cannot.mergeInto':
    'You are {role}: “{title}” is not your draft; merging another into it is up to its author or an Editor.',
  'shared.marks.clippedBy': 'Clipped by {name}',
  'shared.marks.createdBy': 'Created by {name}',
  'shared.marks.clippedEditedBy': 'Clipped and edited by {name}',
  'shared.marks.createdEditedBy': 'Created and edited by {name}',
  'shared.marks.editedBy': 'edited by {name}',
  'shared.marks.clippedByYou': 'Clipped by you',
  'shared.marks.createdByYou': 'Created by you',
  'shared.marks.clippedEditedByYou': 'Clipped and edited by you',
  'shared.marks.createdEditedByYou': 'Created and edited by you',
  'shared.marks.editedByYou': 'edited by you',
  'shared.marks.editing': '{name} is editing it now',
  'shared.marks.lockHelp': '{name} has this draft open: your changes may cross theirs.',
  'error.no_answer': 'The extension did not answer (it may just have been updated): try again.',
  'error.tab_gone': 'The tab was closed meanwhile.',
  'error.quota': 'The browser has no room left to save: empty the trash or delete old drafts.',
  'error.unexpected': 'Something unexpected went wrong.',
  'error.detail': 'Technical detail: {detail}',
};
