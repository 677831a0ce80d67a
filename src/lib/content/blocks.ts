import type { Block } from './schema';

/**
 * Every exercise in a list of blocks, nested ones included. Here, not in the loader, so the
 * running server can read the compiled course without bundling the Markdown parser.
 */
export function exercisesIn(blocks: Block[]): Extract<Block, { type: 'exercise' }>['exercise'][] {
	return blocks.flatMap((b) =>
		b.type === 'exercise' ? [b.exercise] : b.type === 'callout' ? exercisesIn(b.blocks) : b.type === 'tabs' ? b.tabs.flatMap((t) => exercisesIn(t.blocks)) : []
	);
}
