import { isAnswerValue, type AnswerValue } from '$lib/progress/contract';
import { scoredDefinitionOf } from '$lib/exercises/definitions';
import { formatJoinCode, TEAM_MIN_ANSWERS, type BoardExercise, type BoardState, type VerdictCounts } from '$lib/team/contract';
import type { Db } from '../db';
import type { TeamCourse } from './course';
import { expiresAt, type SessionRow } from './store';

// The board state (team/contract.ts): counts only. Answers are read to be counted and never leave
// this function; a tally appears only from TEAM_MIN_ANSWERS answers on, so a group of two cannot see
// each other's choice. Reflections carry no participant reference.

/** Count the first answers of one exercise: per first verdict and per key of the type's `tally`. */
export function tallyOf(exercise: TeamCourse['scored'][number], answers: { value: AnswerValue; firstVerdict: string }[]): BoardExercise {
	if (answers.length < TEAM_MIN_ANSWERS) return { id: exercise.id, answered: answers.length, tally: null };
	const firstVerdicts: VerdictCounts = { correct: 0, partial: 0, incorrect: 0 };
	const choices: Record<string, number> = {};
	const definition = scoredDefinitionOf(exercise);
	for (const { value, firstVerdict } of answers) {
		if (firstVerdict === 'correct' || firstVerdict === 'partial' || firstVerdict === 'incorrect') firstVerdicts[firstVerdict]++;
		for (const key of definition.tally(exercise, value)) choices[key] = (choices[key] ?? 0) + 1;
	}
	return { id: exercise.id, answered: answers.length, tally: { firstVerdicts, choices } };
}

/** The whole board state of a session, as the facilitator's views get it. */
export async function boardState(db: Db, session: SessionRow, course: TeamCourse, days: number): Promise<BoardState> {
	const [participants, sections, answers, reflections] = await Promise.all([
		db
			.selectFrom('team_participants')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('session_id', '=', session.id)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('team_sections')
			.select(['path', (eb) => eb.fn.countAll<number>().as('count')])
			.where('session_id', '=', session.id)
			.groupBy('path')
			.execute(),
		db.selectFrom('team_answers').select(['exercise_id', 'value', 'first_verdict']).where('session_id', '=', session.id).execute(),
		db
			.selectFrom('team_reflections')
			.select(['id', 'exercise_id', 'text', 'status', 'shared_at'])
			.where('session_id', '=', session.id)
			.orderBy('shared_at')
			.orderBy('id')
			.execute()
	]);
	const reached = new Map(sections.map((s) => [s.path, Number(s.count)]));
	const byExercise = new Map<string, { value: AnswerValue; firstVerdict: string }[]>();
	for (const row of answers) {
		const value: unknown = JSON.parse(row.value);
		if (!isAnswerValue(value)) continue;
		let list = byExercise.get(row.exercise_id);
		if (!list) byExercise.set(row.exercise_id, (list = []));
		list.push({ value, firstVerdict: row.first_verdict });
	}
	return {
		title: session.title,
		joinCode: formatJoinCode(session.joinCode),
		expiresAt: expiresAt(session.lastActivityAt, days),
		participants: Number(participants.count),
		sections: course.sections.map((path) => ({ path, reached: reached.get(path) ?? 0 })),
		exercises: course.scored.map((exercise) => tallyOf(exercise, byExercise.get(exercise.id) ?? [])),
		reflections: reflections.map((r) => ({ id: r.id, exerciseId: r.exercise_id, text: r.text, status: r.status, sharedAt: r.shared_at }))
	};
}
