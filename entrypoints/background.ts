import { defineBackground } from 'wxt/utils/define-background';
import { registerHandlers } from '../messaging/protocol';
import { watchBadge } from '../services/badge';
import { handlers } from '../services/handlers';
import { emptyOldTrash } from '../storage/housekeeping';
import { followUiLocale } from '../services/language';
import { completeSiteLeaves } from '../services/site-leave';
import { registerSyncTriggers } from '../services/sync-background';
import { registerTriggers } from '../services/triggers';
import { registerBenchFloor } from '../bench/floor';

export default defineBackground(() => {
  followUiLocale();
  registerHandlers(handlers);
  registerTriggers();
  watchBadge();
  emptyOldTrash();
  registerSyncTriggers();
  // The WordPress addresses the options left and could not finish giving back (closed, quit).
  void completeSiteLeaves();
  // Test builds only: the floor `npm run bench` measures clips against (bench/floor.ts).
  if (import.meta.env.INDISCRETS_TEST_BUILD) registerBenchFloor();
});
