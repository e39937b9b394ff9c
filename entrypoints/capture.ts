import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePage } from '../capture';

/**
 * Injected on demand with `scripting.executeScript({ files: ['/capture.js'] })`: reads the
 * page and returns a PageCapture (its selection as a tree of allowed nodes, never HTML). It
 * writes nothing; the background stores the draft. Kept under 8 KB gzipped (checked by
 * `npm test`): it is parsed in the page at every clip.
 */
export default defineUnlistedScript(() => capturePage(window));
