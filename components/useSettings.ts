import { useMemo } from 'preact/hooks';
import { createHouseStyle, type HouseStyle } from '../export/house-style';
import { houseStyleItem } from '../storage/preferences';
import { useStorageItem } from './useStorageItem';

/** The house style, completed with defaults for fields an older version did not store. */
export function useHouseStyle(): HouseStyle | undefined {
  const stored = useStorageItem(houseStyleItem);
  return useMemo(() => (stored ? createHouseStyle(stored) : undefined), [stored]);
}
