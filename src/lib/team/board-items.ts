// What the board shows besides the counts: every exercise of the course as one item, with the
// words of its choices, taken from the compiled course when the board page is built. The board
// state from the server holds only ids and counts (`BoardState`); these turn them into words.
import { exercisesIn } from '$lib/content/blocks';
import type { Course } from '$lib/content/schema';
import type { Exercise } from '$lib/exercises/schemas';

export interface ChartRow {
	/** The key of the type's tally: an option id, `term=description` or `card=pile`. */
	key: string;
	label: string;
	/** This is (part of) the right answer: marked once the results are shown. */
	right: boolean;
}

/** Rows under one heading: all options, or one term's (or card's) possible matches. */
export interface ChartGroup {
	label: string;
	rows: ChartRow[];
}

export interface BoardItem {
	id: string;
	kind: 'scored' | 'reflection';
	title: string;
	prompt: string;
	/** "3.2 Digitoeleiding": where the exercise is in the e-tool. */
	section: string;
	groups: ChartGroup[];
}

export interface BoardSection {
	path: string;
	label: string;
}

function groupsOf(exercise: Exercise): ChartGroup[] {
	switch (exercise.type) {
		case 'single-choice':
			return [{ label: '', rows: exercise.options.map((o) => ({ key: o.id, label: o.text, right: o.id === exercise.answer })) }];
		case 'multiple-response':
			return [{ label: '', rows: exercise.options.map((o) => ({ key: o.id, label: o.text, right: exercise.answer.includes(o.id) })) }];
		case 'matching':
			return exercise.terms.map((t) => ({ label: t.text, rows: exercise.descriptions.map((d) => ({ key: `${t.id}=${d.id}`, label: d.text, right: exercise.answer[t.id] === d.id })) }));
		case 'sorting':
			return exercise.cards.map((c) => ({ label: c.text, rows: exercise.piles.map((p) => ({ key: `${c.id}=${p.id}`, label: p.label, right: exercise.answer[c.id] === p.id })) }));
		default:
			return [];
	}
}

/** Every exercise of the course in course order, and every section, as the board names them. */
export function boardItems(course: Course): { items: BoardItem[]; sections: BoardSection[] } {
	const sections = course.chapters.flatMap((c) => c.sections);
	return {
		items: sections.flatMap((s) =>
			exercisesIn(s.blocks).map((e) => ({
				id: e.id,
				kind: e.type === 'reflection' ? ('reflection' as const) : ('scored' as const),
				title: e.title,
				prompt: e.prompt,
				section: `${s.number} ${s.title}`,
				groups: groupsOf(e)
			}))
		),
		sections: sections.map((s) => ({ path: s.path, label: `${s.number} ${s.title}` }))
	};
}
