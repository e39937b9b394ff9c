/**
 * The body a new draft starts with: the last quote in French quotation marks, then the source
 * linked under its publication's name. Placeholders are listed at `renderDraftTemplate`
 * (./template.ts). A module of its own: the settings (in the popup's first paint) need only this
 * string, and importing it from ./template.ts put the whole template renderer, which the database
 * layer uses, in the chunk the popup loads before it paints.
 */
export const DEFAULT_DRAFT_TEMPLATE = '<p>{quote} ({source})</p>';
