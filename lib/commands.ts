/**
 * The extension's keyboard command, named in wxt.config.ts's manifest (`commands`): the
 * background clips the active tab on it, the desk says which keys it is on.
 */
export const COMMAND_CLIP = 'clip-page';

/**
 * The keys the manifest suggests for {@link COMMAND_CLIP}, as the browser writes them: the
 * desk names them until the browser has said which keys the command is really on.
 */
export const CLIP_KEYS = 'Alt+Shift+K';
