import { useEffect, useRef, useState } from 'preact/hooks';
import { getLocale, t, type MessageKey } from '../locales';
import { sendMessage, type SitePostsAnswer } from '../messaging/protocol';
import { wordpressItem } from '../storage/preferences';
import { sitePostsItem, type SitePost } from '../storage/site-posts';
import { publishedWhen } from './publishedLine';
import { useStorageItem } from './useStorageItem';

/** The site's posts the link form shows, and the one quiet line about them. */
export interface SitePostsView {
  /** WordPress is set up (address and user): the link form has a « Articles du site » group. */
  configured: boolean;
  /** The cached latest posts (the link form filters them by what is typed, as the sources). */
  latest: SitePost[];
  /** The posts the site found for the words typed (matched by WordPress, text included). */
  found: SitePost[];
  /** Said under the group: loading, or why the list is old or missing. Empty: nothing to say. */
  note: string;
}

/** Search as the editor types, once they pause: a request per word typed would be too many. */
export const SEARCH_DELAY_MS = 300;

type Failure = Extract<SitePostsAnswer, { ok: false }>;

/** What the quiet line says for each failure code (`other` for the rest). */
function reasonKey(code: Failure['code']): MessageKey {
  switch (code) {
    case 'offline':
      return 'link.site.reason.offline';
    case 'timeout':
      return 'link.site.reason.timeout';
    case 'unreachable':
      return 'link.site.reason.unreachable';
    case 'wrong_credentials':
    case 'site_protected':
    case 'app_passwords_unavailable':
      return 'link.site.reason.credentials';
    // Answered as to an anonymous visitor: a wrong password, or a server dropping the header.
    case 'credentials_unseen':
      return 'link.site.reason.credentialsUnseen';
    // The plugin saw no Authorization header: the server drops it, the password is right.
    case 'auth_header_dropped':
      return 'link.site.reason.authHeaderDropped';
    case 'no_permission':
      return 'link.site.reason.permission';
    default:
      return 'link.site.reason.other';
  }
}

/**
 * « 1er décembre à 9 h 40 » (the year when not this one): when the cached list was received,
 * as the publish line writes a moment.
 */
function when(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const { date, time } = publishedWhen(at, getLocale());
  return t('time.dayAt', { day: date, time });
}

/** Words to ask the site for: two letters at least, and not an address being typed. */
function searchable(query: string): string {
  const words = query.trim();
  if (words.length < 2 || /^(https?:|mailto:|www\.)/i.test(words) || /\.\w+\//.test(words)) {
    return '';
  }
  return words;
}

/**
 * The site's own recent posts for the link form (« voir notre article »), asked of the background
 * (which holds the password) without ever blocking the form. While `open`: the cached list shows
 * at once, a fresh one is asked once per opening, and the words typed are searched on the site
 * after a pause. Failures (refused password, timeout, offline) become one line of `note`; the
 * last list stays usable, marked with its date.
 */
export function useSitePosts(open: boolean, query: string): SitePostsView {
  const wp = useStorageItem(wordpressItem);
  const cache = useStorageItem(sitePostsItem);
  const configured = !!wp?.siteUrl && !!wp.username;
  const [refreshing, setRefreshing] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  const [found, setFound] = useState<{ words: string; posts: SitePost[] } | undefined>();
  const [searching, setSearching] = useState(false);
  const [searchFailure, setSearchFailure] = useState<Failure | undefined>();
  /** The words of the latest search asked: an older answer arriving late is dropped. */
  const latest = useRef('');

  useEffect(() => {
    if (!open || !configured) return;
    let alive = true;
    setRefreshing(true);
    setFailure(undefined);
    sendMessage('sitePosts', {})
      .catch((): SitePostsAnswer => ({ ok: false, code: 'unexpected' }))
      .then((answer) => {
        if (!alive) return;
        setRefreshing(false);
        // A fresh list comes through the cache (the background wrote it).
        setFailure(answer.ok || answer.code === 'not_configured' ? undefined : answer);
      });
    return () => {
      alive = false;
    };
  }, [open, configured]);

  const words = open && configured ? searchable(query) : '';
  useEffect(() => {
    latest.current = words;
    setSearchFailure(undefined);
    if (!words) {
      setSearching(false);
      return;
    }
    setSearching(true);
    const timer = setTimeout(() => {
      sendMessage('sitePosts', { search: words })
        .catch((): SitePostsAnswer => ({ ok: false, code: 'unexpected' }))
        .then((answer) => {
          if (latest.current !== words) return;
          setSearching(false);
          if (answer.ok) setFound({ words, posts: answer.posts });
          else if (answer.code !== 'not_configured') setSearchFailure(answer);
        });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [words]);

  if (!configured) return { configured: false, latest: [], found: [], note: '' };
  const cached = cache && cache.siteUrl === wp.siteUrl ? cache : undefined;

  const trouble = failure ?? searchFailure;
  let note = '';
  if (trouble) {
    const reason = t(reasonKey(trouble.code));
    note = cached
      ? t('link.site.stale', { reason, date: when(cached.fetchedAt) })
      : t('link.site.none', { reason });
  } else if (refreshing && !cached) {
    note = t('link.site.loading');
  } else if (searching) {
    note = t('link.site.searching');
  }
  return {
    configured,
    latest: cached?.posts ?? [],
    found: found && found.words === words ? found.posts : [],
    note,
  };
}
