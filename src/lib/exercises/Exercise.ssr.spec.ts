import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { t } from '$lib/i18n';
import Exercise from './Exercise.svelte';
import { examples as matching } from './matching/examples';
import { examples as multipleResponse } from './multiple-response/examples';
import { examples as reflection } from './reflection/examples';
import type { Exercise as ExerciseData } from './schemas';
import { examples as singleChoice } from './single-choice/examples';
import { examples as sorting } from './sorting/examples';

/** The server render: what a learner without JavaScript gets, and what hydration starts from. */
function html(exercise: ExerciseData, headingLevel?: number): string {
	const { body } = render(Exercise, { props: { exercise, record: undefined, onchange: () => {}, headingLevel } });
	// Without Svelte's hydration markers, to compare with plain HTML.
	return body.replace(/<!--[^>]*-->/g, '');
}

const all = [singleChoice, multipleResponse, matching, sorting, reflection].flatMap((list) => list.map((e) => e.exercise));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('when JavaScript is unavailable or has not run yet', () => {
	it.each(all.map((exercise) => [exercise.type, exercise.id, exercise] as const))(
		'%s "%s" shows title, prompt and the note, and no controls',
		(_type, _id, exercise) => {
			const body = html(exercise);
			expect(body).toMatch(new RegExp(`<section[^>]*aria-labelledby="([^"]+)"[\\s\\S]*<h2[^>]*id="\\1"[^>]*>${literal(escape(exercise.title))}</h2>`));
			expect(body).toContain(escape(exercise.prompt));
			expect(body).toContain(escape(t('exercise.noScript')));
			expect(body).not.toMatch(/<(input|select|textarea|button|form)\b/);
		}
	);

	it('lists the options of a choice exercise as text', () => {
		const body = html(singleChoice[0]!.exercise);
		for (const option of singleChoice[0]!.exercise.options) expect(body).toContain(`<li>${escape(option.text)}</li>`);
	});

	it('lists the terms and descriptions of a matching exercise', () => {
		const ex = matching[0]!.exercise;
		const body = html(ex);
		for (const item of [...ex.terms, ...ex.descriptions]) expect(body).toContain(`<li>${escape(item.text)}</li>`);
	});

	it('lists the piles and cards of a sorting exercise', () => {
		const ex = sorting[0]!.exercise;
		const body = html(ex);
		for (const text of [...ex.piles.map((p) => p.label), ...ex.cards.map((c) => c.text)]) expect(body).toContain(`<li>${escape(text)}</li>`);
	});

	it('uses the heading level it is given', () => {
		expect(html(reflection[0]!.exercise, 3)).toMatch(/<h3[^>]*>/);
	});

	it('does not show the answers or their feedback', () => {
		const body = html(singleChoice[0]!.exercise);
		expect(body).not.toContain('Dat is te weinig.');
	});
});
