// "Mijn antwoorden" in plain TypeScript: the server renders every exercise (AnswerSummary.svelte);
// this fills in what the learner saved, from the progress on this device, and follows it when it
// changes (another tab, a wipe, a resume code).
import { describeAnswer } from '$lib/exercises/core/describe';
import type { AnswerRecord } from '$lib/exercises/core/types';
import type { Exercise } from '$lib/exercises/schemas';
import { browserProgress } from '$lib/progress/browser';
import { isAnswered } from '$lib/progress/sections';
import { fill } from './page-data';
import type { IslandProps, IslandStrings } from './props';

export function enhance(element: HTMLElement, { exercises, strings }: IslandProps['answers']): void {
	const views = exercises.flatMap((exercise) => {
		const article = element.querySelector<HTMLElement>(`[data-exercise="${CSS.escape(exercise.id)}"]`);
		return article ? [{ exercise, article }] : [];
	});
	browserProgress.subscribe(({ progress, loaded }) => {
		if (!loaded) return;
		for (const { exercise, article } of views) showAnswer(article, exercise, progress.answers[exercise.id], strings);
	});
}

/** One exercise's part: the answer in words and its verdict, or "not made yet". */
export function showAnswer(article: HTMLElement, exercise: Exercise, record: AnswerRecord | undefined, strings: IslandStrings<'answers'>): void {
	const part = (name: string) => article.querySelector<HTMLElement>(`[data-answer${name}]`);
	const lines = describeAnswer(exercise, record);
	const done = isAnswered(record);
	part('')!.hidden = !lines.length;
	part('-open')!.hidden = lines.length > 0;
	part('-draft')!.textContent = done ? '' : ` (${strings['answers.draft']})`;
	part('-lines')!.replaceChildren(
		...lines.map((line) => {
			const p = document.createElement('p');
			p.textContent = line;
			return p;
		})
	);
	const compare = part('-compare');
	if (compare) compare.hidden = !done;
	const result = part('-result');
	const first = part('-first');
	if (!result || !first) return;
	const verdict = (v: NonNullable<AnswerRecord['verdict']>) => strings[`answers.verdict.${v}`];
	result.hidden = !record?.verdict;
	first.hidden = !(record?.firstVerdict && record.attempts > 1);
	if (!record?.verdict) return;
	result.className = `answer__result answer__result--${record.verdict}`;
	result.textContent = `${verdict(record.verdict)}${record.revealed ? ` ${strings['answers.revealed']}` : ''} · ${fill(strings['answers.attempts'], { count: record.attempts })}`;
	if (record.firstVerdict) first.textContent = fill(strings['answers.firstTry'], { verdict: verdict(record.firstVerdict) });
}
