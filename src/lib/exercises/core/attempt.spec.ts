import { describe, expect, it } from 'vitest';
import { examples as matching } from '../matching/examples';
import { examples as multipleResponse } from '../multiple-response/examples';
import { examples as reflection } from '../reflection/examples';
import { examples as singleChoice } from '../single-choice/examples';
import { examples as sorting } from '../sorting/examples';
import * as attempt from './attempt';
import type { AnswerRecord } from './types';

const single = singleChoice[0]!.exercise;
const sort = sorting[0]!.exercise;
const t0 = new Date('2024-05-01T10:00:00.000Z');
const t1 = new Date('2024-05-01T10:01:00.000Z');

const answered = (choice: string): AnswerRecord =>
	attempt.change(attempt.freshRecord(single), { type: 'single-choice', choice }, t0);

describe('the life of an answer', () => {
	it('a change keeps the attempts, drops any verdict and stamps the time', () => {
		const checked: AnswerRecord = { ...answered('honderdduizend'), attempts: 2, verdict: 'incorrect' };
		expect(attempt.change(checked, { type: 'single-choice', choice: 'driehonderdduizend' }, t1)).toEqual({
			value: { type: 'single-choice', choice: 'driehonderdduizend' },
			attempts: 2,
			savedAt: t1.toISOString()
		});
	});

	it('"Controleer" with items open says how many and uses no attempt', () => {
		expect(attempt.submit(single, attempt.freshRecord(single), t0)).toEqual({ open: 1 });
		const twoPlaced = attempt.change(attempt.freshRecord(sort), { type: 'sorting', placed: { jongeren: 'hoog', ouderen: 'laag' } }, t0);
		expect(attempt.submit(sort, twoPlaced, t0)).toEqual({ open: 2 });
	});

	it('"Controleer" counts an attempt and stores the verdict', () => {
		const outcome = attempt.submit(single, answered('honderdduizend'), t1);
		expect(outcome).toMatchObject({ record: { attempts: 1, verdict: 'incorrect', firstVerdict: 'incorrect', savedAt: t1.toISOString() } });
		if (!('record' in outcome)) throw new Error('expected a check');
		expect(attempt.phaseOf(outcome.record)).toBe('checked');
		expect(attempt.marksFor(single, outcome.record)).toEqual({ honderdduizend: 'wrong' });
	});

	it('the first check\'s verdict survives retries, changes, later checks and the answer shown', () => {
		const first = attempt.submit(single, answered('honderdduizend'), t0);
		if (!('record' in first)) throw new Error('expected a check');
		const again = attempt.retry(single, first.record, t1);
		const changed = attempt.change(again, { type: 'single-choice', choice: 'driehonderdduizend' }, t1);
		const second = attempt.submit(single, changed, t1);
		if (!('record' in second)) throw new Error('expected a check');
		expect(second.record).toMatchObject({ verdict: 'correct', firstVerdict: 'incorrect', attempts: 2 });
		expect(attempt.reveal(single, second.record, t1).firstVerdict).toBe('incorrect');
		expect(attempt.restore(single, second.record).firstVerdict).toBe('incorrect');
	});

	it('"Probeer opnieuw" keeps what was right, clears what was wrong, keeps the attempts', () => {
		const checked: AnswerRecord = { ...answered('honderdduizend'), attempts: 1, verdict: 'incorrect' };
		const again = attempt.retry(single, checked, t1);
		expect(again).toEqual({ value: { type: 'single-choice', choice: null }, attempts: 1, savedAt: t1.toISOString() });
		expect(attempt.phaseOf(again)).toBe('answering');
		expect(attempt.marksFor(single, again)).toBeNull();

		const partly = { ...attempt.change(attempt.freshRecord(sort), { type: 'sorting', placed: { ...sort.answer, ouderen: 'hoog' } }, t0), attempts: 1, verdict: 'partial' as const };
		const sortAgain = attempt.retry(sort, partly, t1);
		const { ouderen: _wrong, ...rightCards } = sort.answer;
		expect(sortAgain.value).toEqual({ type: 'sorting', placed: rightCards });
		// The kept cards keep their mark until the learner moves one of them.
		expect(attempt.keptMarks(sort, sortAgain.value, sortAgain.value)).toEqual({ jongeren: 'right', 'hoger-inkomen': 'right', 'lager-inkomen': 'right' });
		const moved = { type: 'sorting' as const, placed: { ...rightCards, jongeren: 'laag' } };
		expect(attempt.keptMarks(sort, sortAgain.value, moved)).toEqual({ 'hoger-inkomen': 'right', 'lager-inkomen': 'right' });

		const mr = multipleResponse[0]!.exercise;
		const ticked = { type: 'multiple-response' as const, choices: ['meebeslissen', 'meelopen'] };
		expect(attempt.keepRight(mr, ticked)).toEqual({ type: 'multiple-response', choices: ['meebeslissen'] });
	});

	it('"Toon het juiste antwoord" fills it in, marks every item and keeps the learner\'s verdict', () => {
		const checked: AnswerRecord = { ...answered('honderdduizend'), attempts: 1, verdict: 'incorrect' };
		const shown = attempt.reveal(single, checked, t1);
		expect(shown).toEqual({
			value: { type: 'single-choice', choice: 'driehonderdduizend' },
			attempts: 1,
			verdict: 'incorrect',
			revealed: true,
			savedAt: t1.toISOString()
		});
		expect(attempt.phaseOf(shown)).toBe('revealed');
		expect(attempt.marksFor(single, shown)).toEqual({ driehonderdduizend: 'answer' });
	});

	it('"Probeer opnieuw" after the right answer was shown starts empty', () => {
		const shown = attempt.reveal(single, { ...answered('honderdduizend'), attempts: 1, verdict: 'incorrect' }, t0);
		expect(attempt.retry(single, shown, t1).value).toEqual({ type: 'single-choice', choice: null });
	});

	it('a reflection save counts an attempt; a draft does not', () => {
		const ex = reflection[0]!.exercise;
		const draft = attempt.change(attempt.freshRecord(ex), { type: 'reflection', text: 'Eerste zin' }, t0);
		expect(draft.attempts).toBe(0);
		expect(attempt.save(draft, t1)).toEqual({ value: draft.value, attempts: 1, savedAt: t1.toISOString() });
	});
});

describe('restoring a saved record', () => {
	it('starts fresh without one', () => {
		expect(attempt.restore(single, undefined)).toEqual({ value: { type: 'single-choice', choice: null }, attempts: 0, savedAt: '' });
	});

	it('shows a checked answer with the verdict check gives now', () => {
		const saved: AnswerRecord = { ...answered('driehonderdduizend'), attempts: 3, verdict: 'incorrect' };
		expect(attempt.restore(single, saved)).toMatchObject({ attempts: 3, verdict: 'correct' });
	});

	it('keeps a shown right answer shown', () => {
		const saved = attempt.reveal(single, { ...answered('honderdduizend'), attempts: 1, verdict: 'incorrect' }, t0);
		expect(attempt.phaseOf(attempt.restore(single, saved))).toBe('revealed');
	});

	it('drops ids the author has since removed', () => {
		const ex = matching[0]!.exercise;
		const value = { type: 'matching' as const, pairs: { digitoeleiding: 'opleiden', weg: 'toegang', digigebruik: 'weg' } };
		expect(attempt.fitAnswer(ex, value)).toEqual({ type: 'matching', pairs: { digitoeleiding: 'opleiden' } });
		expect(attempt.fitAnswer(single, { type: 'single-choice', choice: 'weg' })).toEqual({ type: 'single-choice', choice: null });
		const mr = multipleResponse[0]!.exercise;
		expect(attempt.fitAnswer(mr, { type: 'multiple-response', choices: ['weg', 'meedoen', 'meedoen'] })).toEqual({
			type: 'multiple-response',
			choices: ['meedoen']
		});
		expect(attempt.fitAnswer(sort, { type: 'sorting', placed: { jongeren: 'hoog', ouderen: 'middel' } })).toEqual({
			type: 'sorting',
			placed: { jongeren: 'hoog' }
		});
	});

	it('starts empty when the author changed the type', () => {
		expect(attempt.fitAnswer(single, { type: 'reflection', text: 'oud' })).toEqual({ type: 'single-choice', choice: null });
	});

	it('takes an incoming record only when it is newer than what is shown', () => {
		const shown = answered('honderdduizend');
		expect(attempt.isNewer(undefined, shown)).toBe(false);
		expect(attempt.isNewer(shown, shown)).toBe(false);
		expect(attempt.isNewer({ ...shown, savedAt: '2024-04-30T10:00:00.000Z' }, shown)).toBe(false);
		expect(attempt.isNewer({ ...shown, savedAt: t1.toISOString() }, shown)).toBe(true);
		expect(attempt.isNewer(shown, attempt.freshRecord(single))).toBe(true);
	});
});

describe('marks', () => {
	it('after a check: every card; with the answer shown: "Juiste antwoord", never "Goed"', () => {
		const partly = { ...attempt.change(attempt.freshRecord(sort), { type: 'sorting', placed: { ...sort.answer, ouderen: 'hoog' } }, t0), attempts: 1, verdict: 'partial' as const };
		expect(attempt.marksFor(sort, partly)).toEqual({ jongeren: 'right', 'hoger-inkomen': 'right', ouderen: 'wrong', 'lager-inkomen': 'right' });
		expect(attempt.itemScore(sort, partly)).toEqual({ right: 3, total: 4 });
		expect(Object.values(attempt.marksFor(sort, attempt.reveal(sort, partly, t1)) ?? {})).toEqual(['answer', 'answer', 'answer', 'answer']);
	});

	it('multiple response says what is true: chosen and right, missed, ticked but not belonging', () => {
		const mr = multipleResponse[0]!.exercise;
		const record = { ...attempt.change(attempt.freshRecord(mr), { type: 'multiple-response', choices: ['meebeslissen', 'meelopen'] }, t0), attempts: 1, verdict: 'partial' as const };
		expect(attempt.marksFor(mr, record)).toEqual({ meebeslissen: 'chosen', meedenken: 'missed', meelopen: 'notBelongs', meedoen: 'missed' });
		expect(attempt.marksFor(mr, attempt.reveal(mr, record, t1))).toEqual({ meebeslissen: 'answer', meedenken: 'answer', meedoen: 'answer' });
	});

	it('lists the marked items in the order they are shown', () => {
		expect(attempt.markedItems(sort).map((c) => c.id)).toEqual(['jongeren', 'hoger-inkomen', 'ouderen', 'lager-inkomen']);
		expect(attempt.markedItems(matching[0]!.exercise)).toBe(matching[0]!.exercise.terms);
	});
});
