// Blocks that only some pages have keep their styles in a plain file of their own
// (src/lib/styles/blocks/<type>.css), built next to the enhancer (vite.islands.config.ts) and linked
// only by a page that has such a block: a text page does not download the styles of charts, tabs
// or the glossary it does not show (issue 7: nothing loaded that the page does not use).
import { allBlocks } from '../content/blocks';
import type { Block } from '$lib/content/schema';

export const styledBlocks = ['exercise', 'quiz-score', 'figure', 'tabs', 'share', 'glossary', 'literature'] as const;
export type StyledBlock = (typeof styledBlocks)[number];

/** The source file of a block type's styles; also its key in the islands build's manifest. */
export const blockStyleSource = (type: StyledBlock): string => `src/lib/styles/blocks/${type}.css`;

/** Every block type in `blocks`, nested ones (in callouts and tabs) included. */
export function blockTypesIn(blocks: Block[]): Set<Block['type']> {
	return new Set(allBlocks(blocks).map((block) => block.type));
}

/** The styled block types in `blocks`, nested ones (in callouts and tabs) included, in a fixed order. */
export function styledBlockTypes(blocks: Block[]): StyledBlock[] {
	const found = blockTypesIn(blocks);
	return styledBlocks.filter((type) => found.has(type));
}
