// Test builds only (see filterEntrypoints in wxt.config.ts): fills the extension's database
// with the benchmark data set, so that bench/popup-chromium.mjs measures the real popup.
import { seed } from '../../bench/seed';
import { db } from '../../storage/db';

const status = document.getElementById('status')!;
void (async () => {
  await Promise.all([db.clips.clear(), db.issues.clear()]);
  await seed(db);
  status.textContent = `seeded ${await db.clips.count()}`;
})().catch((error) => {
  status.textContent = `failed: ${error}`;
});
