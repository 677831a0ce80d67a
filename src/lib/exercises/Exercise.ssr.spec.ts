import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { t } from '$lib/i18n';
import ExerciseView from './ExerciseView.svelte';
import { examples as matching } from './matching/examples';
import { examples as multipleResponse } from './multiple-response/examples';
import { examples as reflection } from './reflection/examples';
import type { Exercise as ExerciseData } from './schemas';
import { examples as singleChoice } from './single-choice/examples';
import { examples as sorting } from './sorting/examples';
import { pageStrings, stringsOf } from './views';

/** The server render (at build time): the whole interactive view, and the plain one for no JavaScript. */
function html(exercise: ExerciseData, headingLevel?: number): string {
	const { body } = render(ExerciseView, { props: { exercise, headingLevel } });
	// Without Svelte's markers, to compare with plain HTML.
	return body.replace(/<!--[^>]*-->/g, '');
}

/** The part a reader without JavaScript sees (data-no-js), and the interactive part (data-needs-js). */
function parts(body: string): { noJs: string; needsJs: string } {
	const noJs = /<div data-no-js="">([\s\S]*?)<\/div>\s*<\/section>/.exec(body)?.[1] ?? '';
	const needsJs = /<form[^>]*data-needs-js=""[^>]*>([\s\S]*)<\/form>/.exec(body)?.[1] ?? '';
	return { noJs, needsJs };
}

const all = [singleChoice, multipleResponse, matching, sorting, reflection].flatMap((list) => list.map((e) => e.exercise));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the view rendered at build time', () => {
	it.each(all.map((exercise) => [exercise.type, exercise.id, exercise] as const))(
		'%s "%s": title; without JavaScript the prompt and the note, no controls; with it the whole form',
		(_type, _id, exercise) => {
			const body = html(exercise);
			expect(body).toMatch(new RegExp(`<section[^>]*aria-labelledby="([^"]+)"[\\s\\S]*<h2[^>]*id="\\1"[^>]*>${literal(escape(exercise.title))}</h2>`));
			const { noJs, needsJs } = parts(body);
			expect(noJs).toContain(escape(exercise.prompt));
			expect(noJs).toContain(escape(t('exercise.noScript')));
			expect(noJs).not.toMatch(/<(input|select|textarea|button|form)\b/);
			// Every control is in the form that no-js.css hides, so nothing shows that cannot work.
			expect(needsJs).toMatch(/<(input|textarea|button)\b/);
			expect(body.replace(/<form[\s\S]*<\/form>/, '')).not.toMatch(/<(input|select|textarea|button)\b/);
		}
	);

	it('renders every control of a choice exercise, unchecked, with an empty verdict box hidden', () => {
		const ex = singleChoice[0]!.exercise;
		const body = html(ex);
		for (const option of ex.options) expect(body).toContain(escape(option.text));
		expect(body.match(/<input type="radio"/g)?.length).toBe(ex.options.length);
		expect(body).not.toMatch(/<input[^>]*checked/);
		expect(body).toMatch(/<div class="feedback"[^>]*data-feedback=""[^>]*hidden=""/);
		expect(body).toMatch(/<button type="button" data-action="retry" hidden="">/);
	});

	it('lists the terms and descriptions of a matching exercise without JavaScript', () => {
		const ex = matching[0]!.exercise;
		const { noJs } = parts(html(ex));
		for (const item of [...ex.terms, ...ex.descriptions]) expect(noJs).toContain(`<li>${escape(item.text)}</li>`);
	});

	it('lists the piles and cards of a sorting exercise without JavaScript, and has every card as a button', () => {
		const ex = sorting[0]!.exercise;
		const body = html(ex);
		const { noJs } = parts(body);
		for (const text of [...ex.piles.map((p) => p.label), ...ex.cards.map((c) => c.text)]) expect(noJs).toContain(`<li>${escape(text)}</li>`);
		for (const card of ex.cards) expect(body).toContain(`data-card="${card.id}"`);
	});

	it('uses the heading level it is given', () => {
		expect(html(reflection[0]!.exercise, 3)).toMatch(/<h3[^>]*>/);
	});

	it('does not put the answers, their reasons or the points to compare in view', () => {
		const body = html(singleChoice[0]!.exercise);
		// Reasons are filled in by the loader only when shown (never on a first wrong single choice).
		expect(body).not.toContain('Dat is te weinig.');
		const ex = reflection[0]!.exercise;
		expect(html(ex)).toMatch(/<div class="reflection__compare" data-compare="" hidden="">/);
	});

	it('hands each type only the strings its loader shows, never the whole strings file', () => {
		for (const exercise of all) {
			const strings = Object.keys(stringsOf(exercise.type));
			expect(strings.length, exercise.type).toBeGreaterThan(0);
			expect(strings.length, exercise.type).toBeLessThan(30);
			expect(strings.every((key) => key.startsWith('exercise.')), exercise.type).toBe(true);
		}
	});

	it("puts the strings of a page's exercise types in the page once, and none on a page without exercises", () => {
		const blocks = [singleChoice[0]!.exercise, reflection[0]!.exercise].map((exercise) => ({ type: 'exercise' as const, exercise }));
		const strings = pageStrings(blocks as never)!;
		expect(Object.keys(strings).sort()).toEqual([...new Set([...Object.keys(stringsOf('single-choice')), ...Object.keys(stringsOf('reflection'))])].sort());
		expect(Object.keys(strings)).not.toContain('exercise.open.sorting.one');
		expect(pageStrings([])).toBeNull();
	});
});
