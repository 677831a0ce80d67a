import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress, type Progress } from '../model';
import { decode, encode, SUSPEND_LIMIT } from './codec';

const sections = ['inleiding/kansen', 'kloof/digivaardigheid', 'kloof/gevolgen', 'opfrisser/test'];
const at = '2026-11-30T10:00:00.000Z';
const rec = (value: AnswerRecord['value'], extra: Partial<AnswerRecord> = {}): AnswerRecord => ({ value, attempts: 1, savedAt: at, ...extra });

function learner(reflection = 'Ik help mensen met DigiD.'): Progress {
	const p = emptyProgress('digitale-kloof', at);
	p.lastPath = 'kloof/gevolgen';
	p.sections = { 'inleiding/kansen': { visitedAt: at, endReachedAt: at }, 'kloof/gevolgen': { visitedAt: at } };
	p.answers = {
		eigen: rec({ type: 'reflection', text: reflection }),
		keuze: rec({ type: 'single-choice', choice: 'b' }, { verdict: 'correct', firstVerdict: 'incorrect', attempts: 2 }),
		meer: rec({ type: 'multiple-response', choices: ['a', 'c'] }, { verdict: 'partial', firstVerdict: 'partial', revealed: true }),
		paren: rec({ type: 'matching', pairs: { x: '1', y: '2' } }, { verdict: 'correct', firstVerdict: 'correct' }),
		sorteer: rec({ type: 'sorting', placed: { kaart: 'stapel' } }, { verdict: 'incorrect', firstVerdict: 'incorrect' })
	};
	return p;
}

describe('suspend_data codec', () => {
	it('gives back every answer, visit and the place to resume', () => {
		const p = learner();
		const { data, cut, fits } = encode(p, sections, SUSPEND_LIMIT.scorm12, ['keuze']);
		expect(fits).toBe(true);
		expect(cut).toEqual([]);
		expect(data.startsWith('E1')).toBe(true);
		const back = decode(data, 'digitale-kloof', sections)!;
		expect(back.progress.answers).toEqual(p.answers);
		expect(back.progress.lastPath).toBe('kloof/gevolgen');
		expect(Object.keys(back.progress.sections)).toEqual(['inleiding/kansen', 'kloof/gevolgen']);
		expect(back.progress.sections['inleiding/kansen']!.endReachedAt).toBeTruthy();
		expect(back.progress.sections['kloof/gevolgen']!.endReachedAt).toBeUndefined();
		expect(back.order).toEqual(['keuze']);
		expect(back.cut).toEqual([]);
	});

	it('is compact: this learner in a few hundred characters, far below the JSON of the device copy', () => {
		const { data } = encode(learner(), sections, SUSPEND_LIMIT.scorm12);
		expect(data.length).toBeLessThan(400);
		expect(data.length).toBeLessThan(JSON.stringify(learner()).length / 2);
	});

	it('keeps what fits of a too long reflection, says which, and never passes the limit', () => {
		const long = 'Wat ik "zie" in de wijk:\n'.repeat(400); // 10,000 characters, with escapes
		const { data, cut } = encode(learner(long), sections, SUSPEND_LIMIT.scorm12);
		expect(data.length).toBeLessThanOrEqual(4096);
		expect(data.length).toBeGreaterThan(4000); // what fits is kept, not dropped
		expect(cut).toEqual(['eigen']);
		const back = decode(data, 'digitale-kloof', sections)!;
		expect(back.cut).toEqual(['eigen']);
		const text = (back.progress.answers.eigen!.value as { text: string }).text;
		expect(long.startsWith(text)).toBe(true);
		expect(back.progress.answers.keuze).toEqual(learner().answers.keuze);
	});

	it('reads no visits from another section list, but still every answer', () => {
		const { data } = encode(learner(), sections, SUSPEND_LIMIT.scorm2004);
		const back = decode(data, 'digitale-kloof', ['andere/lijst', ...sections])!;
		expect(back.progress.sections).toEqual({});
		expect(Object.keys(back.progress.answers)).toHaveLength(5);
	});

	it('refuses what is not ours', () => {
		for (const data of ['', 'E2{}', 'E1{', 'E1null', '{"a":1}']) expect(decode(data, 'x', sections)).toBeNull();
	});
});
