// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { barClass, percent, reflectionsView, resultsView, type BoardStrings } from './board-view';
import type { BoardItem } from './board-items';

const strings: BoardStrings = {
	'team.board.answered': '{count} antwoorden',
	'team.board.answered.one': '1 antwoord',
	'team.board.participants': '{count} deelnemers',
	'team.board.participants.one': '1 deelnemer',
	'team.board.tooFew': 'Nog te weinig antwoorden.',
	'team.board.firstTry': 'In één keer',
	'team.board.verdict.correct': 'Goed',
	'team.board.verdict.partial': 'Deels goed',
	'team.board.verdict.incorrect': 'Niet goed',
	'team.board.count': '{count} ({percent} %)',
	'team.board.right': '(juist)',
	'team.board.choices': 'Gekozen antwoorden',
	'team.board.noReflections': 'Nog niets.'
};
const item: BoardItem = {
	id: 'e1',
	kind: 'scored',
	title: 'Vraag',
	prompt: 'Wat?',
	section: '1.1 Start',
	groups: [{ label: '', rows: [{ key: 'a', label: 'Optie A', right: true }, { key: 'b', label: '<img src=x onerror=alert(1)>', right: false }] }]
};

describe('the board charts', () => {
	it('sizes bars in steps of 5 %, a sliver for a non-zero count', () => {
		expect(barClass(0, 7)).toBe('team-bar team-bar--w0');
		expect(barClass(1, 100)).toBe('team-bar team-bar--w5');
		expect(barClass(3, 7)).toBe('team-bar team-bar--w45');
		expect(barClass(7, 7)).toBe('team-bar team-bar--w100');
		expect(barClass(0, 0)).toBe('team-bar team-bar--w0');
		expect(percent(1, 3)).toBe(33);
	});

	it('shows only the count below the minimum, then verdicts and choices with numbers in text', () => {
		expect(resultsView(item, { id: 'e1', answered: 2, tally: null }, strings).textContent).toBe('2 antwoordenNog te weinig antwoorden.');
		const view = resultsView(item, { id: 'e1', answered: 4, tally: { firstVerdicts: { correct: 3, partial: 0, incorrect: 1 }, choices: { a: 3, b: 1 } } }, strings);
		const rows = [...view.querySelectorAll('li')].map((li) => li.textContent);
		expect(rows).toEqual(['Goed3 (75 %)', 'Deels goed0 (0 %)', 'Niet goed1 (25 %)', 'Optie A (juist)3 (75 %)', '<img src=x onerror=alert(1)>1 (25 %)']);
		expect(view.querySelector('img')).toBeNull();
	});

	it('puts shared texts in as text', () => {
		const view = reflectionsView([{ id: 'r', exerciseId: 'x', text: '<script>window.__pwned=1</script>', status: 'approved', sharedAt: '' }], strings);
		expect(view.querySelector('script')).toBeNull();
		expect(view.textContent).toBe('<script>window.__pwned=1</script>');
		expect(reflectionsView([], strings).textContent).toBe('Nog niets.');
	});
});
