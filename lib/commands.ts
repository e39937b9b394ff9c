/**
 * The extension's keyboard command, named in wxt.config.ts's manifest (`commands`): the
 * background clips the active tab on it, the desk says which keys it is on.
 */
export const COMMAND_CLIP = 'clip-page';
