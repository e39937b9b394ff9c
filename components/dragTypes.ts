/**
 * The type an issue's item carries when dragged from its list (ReorderList): the list moves it,
 * the desk's inbox takes it out of the issue. Its own module: the inbox, in the popup's first
 * paint, needs the type and nothing of the list.
 */
export const ITEM_MIME = 'application/x-indiscrets-item';
