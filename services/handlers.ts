import type { Handlers } from '../messaging/protocol';
import { refreshBadge } from './badge';
import { clipTab } from './clipper';
import { probeDesk } from './desk-discovery';
import { publishIssue } from './publisher';
import { listSitePosts } from './site-posts';
import { syncEngine } from './sync-background';

/** The tab as the popup saw it: its address, and its title when it is a string. */
function knownTab(tab: { url?: string; title?: string }): { url?: string; title?: string } {
  return typeof tab.title === 'string' ? { url: tab.url, title: tab.title } : { url: tab.url };
}

/** The background's answer to every message of the protocol. */
export const handlers: Handlers = {
  clipTab: ({ tabId, tab }) =>
    clipTab(typeof tab?.url === 'string' && tab.url ? { tabId, tab: knownTab(tab) } : { tabId }),
  publishIssue: (request) => publishIssue(request),
  refreshBadge: () => refreshBadge(),
  syncDiscover: () => probeDesk(),
  syncPlan: () => syncEngine().plan(),
  syncEnable: () => syncEngine().enable(),
  syncCancel: () => syncEngine().cancel(),
  syncDisable: () => syncEngine().disable(),
  syncStatus: () => syncEngine().status(),
  syncNow: ({ reason }) => syncEngine().syncNow(reason),
  syncConflicts: () => syncEngine().listConflicts(),
  syncResolve: ({ key, choose }) => syncEngine().resolve(key, choose),
  syncDismissRefusal: ({ key }) => syncEngine().dismissRefusal(key),
  deskLock: ({ kind, id, release }) => syncEngine().lock(kind, id, release),
  sitePosts: (request) => listSitePosts(request ?? {}),
};
