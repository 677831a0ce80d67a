import { describe, expect, it } from 'vitest';
import { examples as matching } from './matching/examples';
import { examples as multipleResponse } from './multiple-response/examples';
import { examples as reflection } from './reflection/examples';
import { exerciseSchemas, type ExerciseType } from './schemas';
import { examples as singleChoice } from './single-choice/examples';
import { examples as sorting } from './sorting/examples';

/** Issues as "field: message", the way an author reads them. */
function problems(type: ExerciseType, input: unknown): string[] {
	const result = exerciseSchemas[type].safeParse(input);
	if (result.success) return [];
	return result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

/** No message may fall back to zod's English. */
const english = /invalid|expected|received|unrecognized|too small|too big|required/i;

const valid = {
	reflection: reflection[0]!.exercise,
	'single-choice': singleChoice[0]!.exercise,
	'multiple-response': multipleResponse[0]!.exercise,
	matching: matching[0]!.exercise,
	sorting: sorting[0]!.exercise
} satisfies Record<ExerciseType, unknown>;

describe('exercise schemas', () => {
	it.each(Object.keys(valid) as ExerciseType[])('%s accepts a valid example', (type) => {
		expect(problems(type, valid[type])).toEqual([]);
	});

	describe('an answer that names no option', () => {
		it('single-choice: names the field and lists the options', () => {
			expect(problems('single-choice', { ...valid['single-choice'], answer: 'tweehonderdduizend' })).toEqual([
				'answer: "tweehonderdduizend" is geen optie; kies uit: honderdduizend, driehonderdduizend, vijfhonderdduizend'
			]);
		});

		it('multiple-response: names the list position', () => {
			expect(problems('multiple-response', { ...valid['multiple-response'], answer: ['meedoen', 'meezingen'] })).toEqual([
				'answer.1: "meezingen" is geen optie; kies uit: meebeslissen, meedenken, meelopen, meedoen'
			]);
		});

		it('matching: an unknown description, and a term without a description', () => {
			const { digigebruik: _, ...rest } = valid.matching.answer;
			expect(problems('matching', { ...valid.matching, answer: { ...rest, digitoeleiding: 'leren' } })).toEqual([
				'answer.digitoeleiding: "leren" is geen omschrijving; kies uit: opleiden, toegang, motiveren, voordelen',
				'answer: begrip "digigebruik" heeft geen antwoord'
			]);
		});

		it('sorting: an unknown pile and an unknown card', () => {
			expect(problems('sorting', { ...valid.sorting, answer: { ...valid.sorting.answer, ouderen: 'middel', kinderen: 'hoog' } })).toEqual([
				'answer.ouderen: "middel" is geen stapel; kies uit: hoog, laag',
				'answer.kinderen: "kinderen" is geen kaart; kies uit: jongeren, hoger-inkomen, ouderen, lager-inkomen'
			]);
		});
	});

	describe('duplicate ids', () => {
		it('names the second option with the repeated id', () => {
			const options = valid['single-choice'].options;
			expect(problems('single-choice', { ...valid['single-choice'], options: [...options, { id: 'honderdduizend', text: 'Nog eens' }] })).toEqual([
				'options.3.id: id "honderdduizend" komt twee keer voor'
			]);
		});

		it('also for cards and piles', () => {
			const [pile] = valid.sorting.piles;
			const [card] = valid.sorting.cards;
			expect(problems('sorting', { ...valid.sorting, piles: [...valid.sorting.piles, pile], cards: [...valid.sorting.cards, card] })).toEqual([
				'piles.2.id: id "hoog" komt twee keer voor',
				'cards.4.id: id "jongeren" komt twee keer voor'
			]);
		});
	});

	describe('a missing field', () => {
		it.each([
			['single-choice', 'answer'],
			['single-choice', 'options'],
			['multiple-response', 'answer'],
			['matching', 'descriptions'],
			['sorting', 'piles'],
			['reflection', 'points'],
			['reflection', 'prompt']
		] as [ExerciseType, string][])('%s without %s', (type, field) => {
			const { [field]: _, ...rest } = valid[type] as Record<string, unknown>;
			expect(problems(type, rest)).toEqual([`${field}: dit veld ontbreekt`]);
		});

		it('inside an option', () => {
			const options = valid['single-choice'].options.map(({ text: _, ...o }, i) => (i === 0 ? o : { ...o, text: 'x' }));
			expect(problems('single-choice', { ...valid['single-choice'], options })).toEqual(['options.0.text: dit veld ontbreekt']);
		});
	});

	describe('an unknown field', () => {
		it('on the exercise (a typo of a field name)', () => {
			expect(problems('single-choice', { ...valid['single-choice'], anwser: 'honderdduizend' })).toEqual([': onbekend veld "anwser"']);
		});

		it('inside an option, and inside feedback', () => {
			const options = valid['multiple-response'].options.map((o, i) => (i === 1 ? { ...o, correct: true } : o));
			expect(problems('multiple-response', { ...valid['multiple-response'], options, feedback: { wrong: 'Nee' } }).sort()).toEqual([
				'feedback: onbekend veld "wrong"',
				'options.1: onbekend veld "correct"'
			]);
		});
	});

	describe('other bad values, all in Dutch', () => {
		it.each([
			['single-choice', { id: 'Hoofdletters' }, 'id'],
			['single-choice', { options: [{ id: 'een', text: 'Eén' }] }, 'options'],
			['single-choice', { title: '   ' }, 'title'],
			['single-choice', { reread: 'de-digitale-kloof' }, 'reread'],
			['single-choice', { reread: '/De-digitale-kloof/Wie' }, 'reread'],
			['single-choice', { options: 'een, twee' }, 'options'],
			['reflection', { maxLength: 50 }, 'maxLength'],
			['reflection', { maxLength: 'veel' }, 'maxLength'],
			['reflection', { points: [] }, 'points'],
			['reflection', { points: [''] }, 'points.0'],
			['sorting', { piles: [{ id: 'hoog' }, { id: 'laag', label: 'Laag' }] }, 'piles.0.label'],
			['matching', { answer: { Digitoeleiding: 'opleiden' } }, 'answer.Digitoeleiding']
		] as [ExerciseType, Record<string, unknown>, string][])('%s %j names %s', (type, change, field) => {
			const found = problems(type, { ...valid[type], ...change });
			expect(found.some((p) => p.startsWith(`${field}: `))).toBe(true);
			for (const p of found) expect(p).not.toMatch(english);
		});
	});
});
