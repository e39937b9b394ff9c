import { useState } from 'preact/hooks';
import type { DraftStatus } from '../storage/db';
import type { DraftQuery } from '../storage/draft-search';
import { useDataQuery } from './data';

export type Box = 'inbox' | 'all' | 'trash';

/** What the inbox's search box and menus ask for, and the query they make. */
export interface InboxFilters {
  text: string;
  status: DraftStatus | '';
  siteName: string;
  tag: string;
  box: Box;
  setText: (text: string) => void;
  setStatus: (status: DraftStatus | '') => void;
  setSiteName: (siteName: string) => void;
  setTag: (tag: string) => void;
  setBox: (box: Box) => void;
  /** The search without paging: box, text and filters that are set. */
  query: DraftQuery;
  /** True when any filter or text narrows the box. */
  filtered: boolean;
  /** Changes whenever the query does: a key for queries, counts and the list's scroll. */
  key: string;
}

/**
 * Where the editor was in the inbox when it left the screen (a draft opened, the other tab): the
 * popup shows one view at a time, so the inbox is drawn anew on the way back and takes it up.
 */
export interface InboxReturn {
  /** The draft opened from the list, focused again once drawn. */
  id?: string;
  /** The window's scroll (the popup's list scrolls with the page). */
  scrollY: number;
  /**
   * The place in the list of the draft opened, gone from it (its editor's « Supprimer » or
   * « Fusionner dans… »): the keyboard goes to the row that took its place, else the one before,
   * else the search box.
   */
  gone?: number;
}

/**
 * The inbox's filter state: the search text, status, publication, tag and box. Called by whoever
 * outlives the inbox (the popup's App) when the inbox may be unmounted and come back.
 */
export function useInboxFilters(): InboxFilters {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<DraftStatus | ''>('');
  const [siteName, setSiteName] = useState('');
  const [tag, setTag] = useState('');
  const [box, setBox] = useState<Box>('inbox');
  const narrowing = {
    ...(text.trim() ? { text } : {}),
    ...(status ? { status } : {}),
    ...(siteName ? { siteName } : {}),
    ...(tag ? { tag } : {}),
  };
  const query: DraftQuery = { box, ...narrowing };
  return {
    text,
    status,
    siteName,
    tag,
    box,
    setText,
    setStatus,
    setSiteName,
    setTag,
    setBox,
    query,
    filtered: Object.keys(narrowing).length > 0,
    key: JSON.stringify(query),
  };
}

/** The choices of the site and tag menus, read once wanted. */
export interface FilterMenus {
  /** The sites drafts were clipped from, once read. */
  sites?: string[];
  /** The tags drafts carry, once read. */
  tags?: string[];
  /** Called when the editor reaches for the menus (pointer over them, focus in them). */
  wantMenus: () => void;
}

/**
 * The filter menus are read when the editor reaches for them, not on every popup opening (a
 * menu already set is read at once, to show its choice).
 */
export function useFilterMenus(filters: Pick<InboxFilters, 'siteName' | 'tag'>): FilterMenus {
  const [menusWanted, setMenusWanted] = useState(false);
  const sites = useDataQuery(
    (data) => (menusWanted || filters.siteName ? data.listSiteNames() : undefined),
    [menusWanted, filters.siteName],
  );
  const tags = useDataQuery(
    (data) => (menusWanted || filters.tag ? data.listTags() : undefined),
    [menusWanted, filters.tag],
  );
  return { sites, tags, wantMenus: () => setMenusWanted(true) };
}
