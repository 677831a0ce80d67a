import type { Block } from './schema';

/** Words per minute for calm reading at B1; slower than the usual 230 on purpose. */
const WORDS_PER_MINUTE = 180;
/** Time an exercise takes on top of reading, in minutes. */
const MINUTES_PER_EXERCISE = 2;

const stripTags = (html: string) => html.replace(/<[^>]+>/g, ' ');

/** All running text of blocks, for reading time and readability. */
export function blockText(blocks: Block[]): string[] {
	return blocks.flatMap((b): string[] => {
		switch (b.type) {
			case 'heading':
				return [b.text];
			case 'paragraph':
				return [stripTags(b.html)];
			case 'list':
				return b.items.map(stripTags);
			case 'quote':
				return b.paragraphs.map(stripTags);
			case 'callout':
				return blockText(b.blocks);
			case 'tabs':
				return b.tabs.flatMap((t) => blockText(t.blocks));
			case 'figure':
				return b.caption.map(stripTags);
			case 'literature':
			case 'quiz-score':
				return [];
			case 'share':
				return b.paragraphs.map(stripTags);
			case 'in-het-kort':
				return b.items.map(stripTags);
			case 'glossary':
				return b.entries.map((e) => `${e.term}: ${e.definition}.`);
			case 'exercise':
				return [b.exercise.prompt];
		}
	});
}

export function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whole minutes, at least one. */
export function readingMinutes(blocks: Block[]): number {
	const words = countWords(blockText(blocks).join(' '));
	const exercises = blocks.filter((b) => b.type === 'exercise').length;
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE + exercises * MINUTES_PER_EXERCISE));
}
