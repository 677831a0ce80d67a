import type { Block, Course } from './schema';

// Here, not in the loader, so the running server can read the compiled course without bundling
// the Markdown parser.

/** Every block in a list, the ones nested in callouts and tabs included, in reading order. */
export function allBlocks(blocks: Block[]): Block[] {
	return blocks.flatMap((b) => [b, ...(b.type === 'callout' ? allBlocks(b.blocks) : b.type === 'tabs' ? b.tabs.flatMap((t) => allBlocks(t.blocks)) : [])]);
}

/** Every exercise in a list of blocks, nested ones included. */
export function exercisesIn(blocks: Block[]): Extract<Block, { type: 'exercise' }>['exercise'][] {
	return allBlocks(blocks).flatMap((b) => (b.type === 'exercise' ? [b.exercise] : []));
}

/** The ids of the exercises the `::quiz-score` blocks in a list of blocks score. */
export function quizExerciseIds(blocks: Block[]): string[] {
	return allBlocks(blocks).flatMap((b) => (b.type === 'quiz-score' ? b.exercises.map((e) => e.id) : []));
}

/**
 * The learning sections (not an appendix's) and their scored exercises (all but reflections): what
 * the proof page and an LMS count, so the two never disagree.
 */
export function learningOf(course: Course) {
	const sections = course.chapters.filter((c) => !c.appendix).flatMap((c) => c.sections);
	return { sections, scored: sections.flatMap((s) => exercisesIn(s.blocks)).filter((e) => e.type !== 'reflection') };
}
