// Types for chromium.mjs, so TypeScript tests can import it.

/** Returns the path to a Chromium binary, installing Debian's when allowed, or throws. */
export function findChromium(options?: { log?: (message: string) => void }): string;

/** Command-line switches for Chromium with one unpacked extension on a closed network. */
export function extensionArgs(extensionDir: string): string[];
