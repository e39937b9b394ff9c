import type { Handlers } from '../messaging/protocol';
import { refreshBadge } from './badge';
import { clipTab } from './clipper';
import { probeDesk } from './desk-discovery';
import { publishIssue } from './publisher';

/** The background's answer to every message of the protocol. */
export const handlers: Handlers = {
  clipTab: ({ tabId }) => clipTab({ tabId }),
  publishIssue: (request) => publishIssue(request),
  refreshBadge: () => refreshBadge(),
  syncDiscover: () => probeDesk(),
};
