import { seenTab, type Handlers } from '../messaging/protocol';
import { refreshBadge } from './badge';
import { clipTab, prepareClip } from './clipper';
import { probeDesk } from './desk-discovery';
import { cancelPostState, deskCatchUp, readPublishedPost } from './post-state';
import { cancelPublish, publishIssue } from './publisher';
import { completeSiteLeaves } from './site-leave';
import { listSitePosts } from './site-posts';
import { syncEngine } from './sync-background';

/** The background's answer to every message of the protocol. */
export const handlers: Handlers = {
  clipTab: ({ tabId, tab, prepared }) => {
    const seen = seenTab(tab);
    return clipTab({ tabId, ...(seen ? { tab: seen } : {}), ...(prepared ? { prepared } : {}) });
  },
  prepareClip: (request) => prepareClip(request),
  publishIssue: (request) => publishIssue(request),
  publishCancel: async ({ issueId }) => cancelPublish(issueId),
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
  syncResolveAll: ({ keys, choose }) => syncEngine().resolveAll(keys, choose),
  syncDismissRefusal: ({ key }) => syncEngine().dismissRefusal(key),
  syncDismissTextMerge: ({ key }) => syncEngine().dismissTextMerge(key),
  syncDismissOverridden: ({ key }) => syncEngine().dismissOverridden(key),
  syncDismissIssueBack: ({ key }) => syncEngine().dismissIssueBack(key),
  syncDismissTakenOut: ({ keys }) => syncEngine().dismissTakenOut(keys),
  syncKeepKept: ({ key }) => syncEngine().dismissKept(key),
  syncDeleteKept: ({ key }) => syncEngine().deleteKept(key),
  deskLock: ({ kind, id, release }) => syncEngine().lock(kind, id, release),
  deskMergeCheck: ({ sourceId, targetId }) => syncEngine().mergeCheck(sourceId, targetId),
  deskPublishCheck: ({ issueId }) => syncEngine().publishCheck(issueId),
  sitePosts: (request) => listSitePosts(request ?? {}),
  postState: async (request) => {
    const catchUp = await deskCatchUp(syncEngine());
    return readPublishedPost(request, catchUp ? { catchUp } : {});
  },
  postStateCancel: async ({ token }) => cancelPostState(token),
  siteLeave: () => completeSiteLeaves(),
};
