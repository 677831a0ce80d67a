import { t } from '$lib/i18n';
import { islandStrings, type IslandStrings } from './props';

/** The strings a plain island needs in the browser, for its props (never the whole strings file). */
export const stringsFor = <N extends keyof typeof islandStrings>(name: N): IslandStrings<N> =>
	Object.fromEntries(islandStrings[name].map((key) => [key, t(key)])) as IslandStrings<N>;
