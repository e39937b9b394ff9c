import { useEffect, useMemo } from 'preact/hooks';
import { createHouseStyle, type HouseStyle } from '../export/house-style';
import { houseStyleItem } from '../storage/preferences';
import { characterKeys } from '../storage/settings';
import { rememberCharacterKeys, rememberedCharacterKeys } from './shortcuts';
import { useStorageItem } from './useStorageItem';

/** The house style, completed with defaults for fields an older version did not store. */
export function useHouseStyle(): HouseStyle | undefined {
  const stored = useStorageItem(houseStyleItem);
  return useMemo(() => (stored ? createHouseStyle(stored) : undefined), [stored]);
}

/**
 * Whether the desk's keys of one character act (the `characterKeys` setting), followed as the
 * options page changes it: an open desk stops or starts at once, with no reload. Until browser
 * storage answers, what the last desk read (see rememberedCharacterKeys), so that a key pressed
 * at once is not taken when they are off.
 */
export function useCharacterKeys(): boolean {
  const stored = useStorageItem(characterKeys);
  useEffect(() => {
    if (stored !== undefined) rememberCharacterKeys(stored);
  }, [stored]);
  return stored ?? rememberedCharacterKeys();
}
