// Test builds only (copied as they are by wxt.config.ts): the popup's floor, which `npm run bench`
// opens as it opens the popup, alternating with it (bench/chromium.mjs, `benchPopup`). What any
// extension page costs before it shows something: the browser's navigation, one tiny module
// script fetched and run, one element drawn, marked as the popup's first draft is.
const draft = document.createElement('p');
draft.dataset.testid = 'draft';
draft.textContent = 'Brouillon';
document.body.append(draft);
