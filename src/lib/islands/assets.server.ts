import islandsManifest from 'virtual:etool/islands-manifest';
import { blockStyleSource, styledBlocks, type StyledBlock } from '$lib/blocks/block-styles';

export interface IslandAssets {
	script: string;
	styles: string[];
	/** Per block type with its own styles: the file a page with such a block links. */
	blockStyles: Record<StyledBlock, string>;
}

const entry = 'src/lib/islands/client.ts';

/**
 * The built islands (vite.islands.config.ts writes them before SvelteKit builds), as paths under
 * the site's assets. In development Vite serves the source file itself.
 */
export function islandAssets(dev: boolean): IslandAssets {
	if (dev) return { script: `/${entry}`, styles: [], blockStyles: byBlock((type) => `/${blockStyleSource(type)}`) };
	// The manifest is embedded at build time (scripts/course.mjs), so the server needs no static/ folder.
	const manifest = islandsManifest;
	if (!manifest) throw new Error('static/_islands ontbreekt: bouw met "npm run build" (dat bouwt eerst de eilanden).');
	const main = manifest[entry];
	if (!main) throw new Error(`${entry} staat niet in het manifest van de eilanden.`);
	const built = (type: StyledBlock) => {
		const file = manifest[blockStyleSource(type)]?.file;
		if (!file) throw new Error(`${blockStyleSource(type)} staat niet in het manifest van de eilanden.`);
		return `_islands/${file}`;
	};
	return { script: `_islands/${main.file}`, styles: (main.css ?? []).map((css) => `_islands/${css}`), blockStyles: byBlock(built) };
}

const byBlock = (path: (type: StyledBlock) => string) => Object.fromEntries(styledBlocks.map((type) => [type, path(type)])) as Record<StyledBlock, string>;
