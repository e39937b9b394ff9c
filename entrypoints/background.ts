import { defineBackground } from 'wxt/utils/define-background';
import { registerHandlers } from '../messaging/protocol';
import { watchBadge } from '../services/badge';
import { handlers } from '../services/handlers';
import { emptyOldTrash } from '../storage/housekeeping';
import { followUiLocale } from '../services/language';
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
  // Test builds only: the floor `npm run bench` measures clips against (bench/floor.ts).
  if (import.meta.env.INDISCRETS_TEST_BUILD) registerBenchFloor();
});
