/**
 * The one model every export format reads. Built from an issue and its drafts by the caller;
 * export modules never touch storage.
 */
export interface ExportSource {
  url: string;
  title?: string;
  siteName?: string;
  /**
   * Language of the page (BCP 47), when the clip recorded it. French typography is French
   * prose's: the title and site name of a page in another language are exported as written.
   */
  lang?: string;
}

export interface ExportItem {
  id: string;
  /**
   * The item's short name in the issue list (the editor's, or the first words of its text).
   * Data only: the JSON export carries it, the formats for readers do not show it.
   */
  label?: string;
  /**
   * The item's text as restricted HTML: `<p>`, `<strong>`/`<b>`, `<em>`/`<i>`, `<a href>`, `<br>`,
   * lists, and `<span lang>` around a quote in its page's language.
   * It comes from an editor and from pasted pages: treat it as untrusted.
   */
  bodyHtml: string;
  /** Sources of the item, first one the main one. */
  sources: ExportSource[];
}

export interface ExportIssue {
  /** Already formatted title, e.g. "Les indiscrets du 15 mars". */
  title: string;
  /** ISO date of the issue (YYYY-MM-DD). */
  date: string;
  /**
   * Optional intro (the chapô): plain text as typed in its field, untrusted; never read as
   * markup, its lines kept as line breaks.
   */
  intro?: string;
  items: ExportItem[];
}
