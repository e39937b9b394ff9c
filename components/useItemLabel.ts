import { useCallback } from 'preact/hooks';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { shownLabel, type Labelled } from './itemName';
import { useHouseStyle } from './useSettings';

/** {@link shownLabel} in the house style of this browser (its default until read). */
export function useItemLabel(): (item: Labelled) => string {
  const { frenchTypography, itemOpener } = useHouseStyle() ?? DEFAULT_HOUSE_STYLE;
  return useCallback(
    (item: Labelled) => shownLabel(item, { frenchTypography, itemOpener }),
    [frenchTypography, itemOpener],
  );
}
