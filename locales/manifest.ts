import { en } from './en';
import { fr } from './fr';

/** The `_locales/<language>/messages.json` files the manifest's `__MSG_…__` names read. */
export function manifestLocales(): Record<'fr' | 'en', string> {
  const messages = (catalogue: typeof en) => ({
    extName: { message: catalogue['manifest.name'] },
    extDescription: { message: catalogue['manifest.description'] },
    commandClip: { message: catalogue['manifest.commandClip'] },
  });
  return {
    fr: `${JSON.stringify(messages(fr), null, 2)}\n`,
    en: `${JSON.stringify(messages(en), null, 2)}\n`,
  };
}
