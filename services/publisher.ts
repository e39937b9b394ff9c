import { browser } from 'wxt/browser';
import { toExportIssue } from '../export/from-issue';
import { renderWordPressBlocks } from '../export/wordpress-blocks';
import { publishPost, type WpFailure, type WpMessage } from '../export/wordpress-client';
import { getIssue, issueItems, markPublished } from '../storage/issues';
import { getHouseStyle, getWordPressSettings, originPattern } from '../storage/preferences';

/** What the editor asked: publish, overwrite a post changed in WordPress, or start a new post. */
export interface PublishRequest {
  issueId: string;
  /** Overwrite the post although it changed in WordPress since our last publication. */
  overwrite?: boolean;
  /** Create a new post (the one we published before was deleted). */
  createNew?: boolean;
}

export type PublishOutcome =
  | { ok: true; postId: number; link: string; editLink: string; created: boolean }
  | {
      ok: false;
      /** The client's codes, plus `not_configured` and `no_permission` of our own. */
      code: WpFailure['code'] | 'not_configured' | 'no_permission' | 'issue_missing';
      message: WpMessage;
      remoteModifiedGmt?: string;
    };

const OWN_MESSAGES: Record<'not_configured' | 'no_permission' | 'issue_missing', WpMessage> = {
  not_configured: {
    fr: 'WordPress n’est pas configuré : renseignez l’adresse, l’utilisateur et le mot de passe d’application dans les réglages.',
    en: 'WordPress is not set up: enter the address, user and application password in the settings.',
  },
  no_permission: {
    fr: 'Indiscrets n’a pas encore l’autorisation d’écrire sur ce site : accordez-la dans les réglages (« Tester la connexion »).',
    en: 'Indiscrets is not yet allowed to reach this site: grant it in the settings (“Test connection”).',
  },
  issue_missing: { fr: 'Ce numéro n’existe plus.', en: 'This issue no longer exists.' },
};

/**
 * Publishes an issue as a WordPress post, from the background so that closing the popup
 * mid-request cannot lose the post id (a lost id would mean a duplicate post next time).
 * The issue and its items are only read; on success the issue remembers the post.
 */
export async function publishIssue(request: PublishRequest): Promise<PublishOutcome> {
  const settings = await getWordPressSettings();
  if (!settings) return { ok: false, code: 'not_configured', message: OWN_MESSAGES.not_configured };
  const allowed = await browser.permissions
    .contains({ origins: [originPattern(settings.siteUrl)] })
    .catch(() => false);
  if (!allowed) return { ok: false, code: 'no_permission', message: OWN_MESSAGES.no_permission };
  const issue = await getIssue(request.issueId);
  if (!issue) return { ok: false, code: 'issue_missing', message: OWN_MESSAGES.issue_missing };

  const items = await issueItems(issue.id);
  const post = renderWordPressBlocks(toExportIssue(issue, items), await getHouseStyle());
  const previous = request.createNew ? undefined : issue.wordpress;
  const result = await publishPost(
    settings,
    {
      title: post.title,
      content: post.content,
      ...(previous ? { postId: previous.postId, lastModifiedGmt: previous.modifiedGmt } : {}),
    },
    { overwrite: request.overwrite === true },
  );
  if (!result.ok) {
    return {
      ok: false,
      code: result.code,
      message: result.message,
      ...(result.remoteModifiedGmt ? { remoteModifiedGmt: result.remoteModifiedGmt } : {}),
    };
  }
  await markPublished(issue.id, {
    postId: result.postId,
    link: result.link,
    modifiedGmt: result.modifiedGmt,
    publishedAt: new Date().toISOString(),
  });
  return {
    ok: true,
    postId: result.postId,
    link: result.link,
    editLink: result.editLink,
    created: result.created,
  };
}
