import type { ScoredItem } from '$lib/exercises/core/score';
import type { ExerciseIslandProps } from '$lib/exercises/core/island-props';
import type { Strings } from '$lib/exercises/core/strings';
import type { Exercise } from '$lib/exercises/schemas';
import type { StringKey } from '$lib/i18n';
import type { BoardItem, BoardSection } from '$lib/team/board-items';

// Issue 11 (team sessions): strings several team islands show.
const teamErrors = ['team.error.offline', 'team.error.server', 'team.error.tooMany', 'team.error.unknown', 'team.error.full'] as const;
/** The facilitator's pages: no key, unknown or ended session, the line's state (islands/team-session.ts). */
const sessionStrings = ['team.error.noKey', 'team.error.unknown', 'team.board.connecting', 'team.board.live', 'team.board.lost', 'team.board.ended'] as const;
/** The charts and reflections of the board and the summary (team/board-view.ts). */
const boardStrings = [
	'team.board.participants',
	'team.board.participants.one',
	'team.board.answered',
	'team.board.answered.one',
	'team.board.tooFew',
	'team.board.firstTry',
	'team.board.verdict.correct',
	'team.board.verdict.partial',
	'team.board.verdict.incorrect',
	'team.board.count',
	'team.board.right',
	'team.board.choices',
	'team.board.noReflections'
] as const;

/** The strings a plain island changes to in the browser; the rest of its words are in its HTML. */
export const islandStrings = {
	answers: [
		'answers.draft',
		'answers.verdict.correct',
		'answers.verdict.partial',
		'answers.verdict.incorrect',
		'answers.revealed',
		'answers.attempts',
		'answers.firstTry'
	],
	'clear-data': ['sync.clear.intro', 'clear.done', 'sync.clear.busy', 'sync.clear.done', 'sync.clear.pending', 'sync.clear.failed'],
	resume: [
		'resume.make.busy',
		'resume.make.ready',
		'resume.make.again',
		'resume.code.once',
		'resume.enter.fromLink',
		'resume.enter.button',
		'resume.enter.replaceConfirm',
		'resume.enter.busy',
		'resume.done.continue',
		'resume.done.start',
		'resume.error.invalid',
		'resume.error.unknown',
		'resume.error.tooMany',
		'resume.error.offline',
		'resume.error.server',
		'resume.error.static'
	],
	'team-start': [
		'team.start.busy',
		'team.start.done',
		'team.text.empty',
		'team.text.long',
		'team.text.word',
		'team.text.control',
		'team.key.copied',
		'team.key.copyYourself',
		...teamErrors
	],
	'team-join': ['team.join.invalid', 'team.join.unknown', 'team.join.busy', 'team.join.done', 'team.join.already', 'team.join.fromLink', 'team.join.storage', ...teamErrors],
	'team-panel': [
		...sessionStrings,
		'team.panel.status.pending',
		'team.panel.status.approved',
		'team.panel.status.hidden',
		'team.panel.approve',
		'team.panel.hide',
		'team.panel.expires',
		'team.panel.ended',
		'team.error.offline',
		'team.error.server'
	],
	'team-board': [...sessionStrings, ...boardStrings, 'team.board.position', 'team.board.reached', 'team.board.show', 'team.board.hide'],
	'team-summary': [...sessionStrings, ...boardStrings]
} as const satisfies Record<string, readonly StringKey[]>;
export type IslandStrings<N extends keyof typeof islandStrings> = Record<(typeof islandStrings)[N][number], string>;

/**
 * Each island and the props the server hands it. Everything else on a page is enhanced by the
 * plain code in client.ts.
 */
export interface IslandProps {
	/** One exercise (the strings its loader shows are once per page: islands/ExerciseStrings.svelte). */
	exercise: Omit<ExerciseIslandProps, 'strings'>;
	/** Every answer, on "Mijn antwoorden": the exercises, to describe a saved answer in words. */
	answers: { exercises: Exercise[]; strings: IslandStrings<'answers'> };
	/** "Wis mijn gegevens". */
	'clear-data': { strings: IslandStrings<'clear-data'> };
	/** "Verder op een ander apparaat": make or enter a resume code. The sections come from the side navigation. */
	resume: { strings: IslandStrings<'resume'> };

	// Issue 7 (exercises): the quiz score at the end of "Test je kennis", a separate entry.
	/** "Je score": right at the first try, and the sections to reread (`::quiz-score`). */
	'quiz-score': { exercises: ScoredItem[]; titles: Record<string, string>; title?: string; strings: Strings };

	// Issue 11 (team sessions; the pages under /team, only on our server).
	/** "Teamsessie starten". */
	'team-start': { strings: IslandStrings<'team-start'> };
	/** "Meedoen aan een teamsessie". */
	'team-join': { strings: IslandStrings<'team-join'> };
	/** The facilitator's panel: the reflection exercises' titles, to say which question a shared text answers. */
	'team-panel': { titles: Record<string, string>; strings: IslandStrings<'team-panel'> };
	/** The projector board: every exercise with the words of its choices, and every section. */
	'team-board': { items: BoardItem[]; sections: BoardSection[]; strings: IslandStrings<'team-board'> };
	/** The printable summary. */
	'team-summary': { items: BoardItem[]; strings: IslandStrings<'team-summary'> };
}
export type IslandName = keyof IslandProps;

/**
 * Props as a JSON script element. `<` is escaped so text in the content can never close the
 * script element early; the browser's JSON.parse reads `\u003c` back as `<`.
 */
export function islandJson(props: unknown, id?: string): string {
	return `<script type="application/json"${id ? ` id="${id}"` : ''}>${JSON.stringify(props).replace(/</g, '\\u003c')}</script>`;
}
