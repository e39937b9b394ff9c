/**
 * The slice of jsdom's API that the capture tests use. The project does not depend on
 * `@types/jsdom`; delete this file if it ever does (the two would clash).
 */
declare module 'jsdom' {
  export class VirtualConsole {
    constructor();
  }

  export interface ConstructorOptions {
    url?: string;
    /** `application/xhtml+xml` parses the page as XML. */
    contentType?: string;
    virtualConsole?: VirtualConsole;
  }

  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
    reconfigure(settings: { url?: string }): void;
  }
}
