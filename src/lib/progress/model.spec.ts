import { describe, expect, it } from 'vitest';
import { emptyProgress, newer, readProgress, type Migration } from './model';
import { courseProgress, resumePath, sectionState } from './sections';

const course = 'digitale-kloof';
const at = '2026-11-01T10:00:00.000Z';
const saved = (over: object = {}) => JSON.stringify({ ...emptyProgress(course, at), ...over });
const record = { value: { type: 'single-choice', choice: 'a' }, attempts: 1, verdict: 'incorrect', savedAt: at };

describe('readProgress', () => {
	it('reads what was stored', () => {
		const result = readProgress(saved({ answers: { vraag: record }, lastPath: 'een/a' }), course);
		expect(result).toMatchObject({ kind: 'ok', dropped: 0, progress: { lastPath: 'een/a', answers: { vraag: { ...record, firstVerdict: 'incorrect' } } } });
	});

	it('treats nothing stored as a clean start without a message', () => {
		expect(readProgress(null, course)).toEqual({ kind: 'empty' });
	});

	it('calls broken JSON and wrong shapes corrupt', () => {
		expect(readProgress('{"version":1,', course).kind).toBe('corrupt');
		expect(readProgress('[1,2]', course).kind).toBe('corrupt');
		expect(readProgress('{"version":"x"}', course).kind).toBe('corrupt');
		expect(readProgress(JSON.stringify({ version: 1, courseId: course, updatedAt: at, sections: 5, answers: {} }), course).kind).toBe('corrupt');
	});

	it('drops a single unreadable answer and keeps the rest', () => {
		const result = readProgress(saved({ answers: { goed: record, kapot: { value: 42 } } }), course);
		expect(result).toMatchObject({ kind: 'ok', dropped: 1 });
		expect(result.kind === 'ok' && Object.keys(result.progress.answers)).toEqual(['goed']);
	});

	it('reads answers saved before the first verdict was kept, and never drops one for it', () => {
		const twice = { ...record, attempts: 2, verdict: 'correct' };
		const result = readProgress(
			saved({ answers: { eens: record, tweemaal: twice, kapot: { ...twice, firstVerdict: 'bijna' }, nieuw: { ...twice, firstVerdict: 'partial' } } }),
			course
		);
		if (result.kind !== 'ok') throw new Error(result.kind);
		expect(result.dropped).toBe(0);
		// Checked once: that check was the first. Checked twice: the first is unknown, not guessed.
		expect(result.progress.answers.eens?.firstVerdict).toBe('incorrect');
		expect(result.progress.answers.tweemaal).not.toHaveProperty('firstVerdict');
		expect(result.progress.answers.kapot).not.toHaveProperty('firstVerdict');
		expect(result.progress.answers.nieuw?.firstVerdict).toBe('partial');
	});

	it('leaves data of a newer version alone', () => {
		expect(readProgress(saved({ version: 2 }), course)).toEqual({ kind: 'newer', version: 2 });
	});

	it('migrates the unversioned draft format to version 1', () => {
		const old = JSON.stringify({ answers: { wat: { type: 'reflection', text: 'Mijn idee' } } });
		const result = readProgress(old, course);
		expect(result).toMatchObject({ kind: 'ok', progress: { version: 1, answers: { wat: { value: { type: 'reflection', text: 'Mijn idee' }, attempts: 0 } } } });
	});

	it('runs the migration steps from the stored version on, and says when one is missing', () => {
		const calls: string[] = [];
		const steps: Migration[] = [
			(d) => (calls.push('0→1'), d),
			(d) => (calls.push('1→2'), { ...d, version: 1, sections: { 'een/a': { visitedAt: at } } })
		];
		const result = readProgress(JSON.stringify({ version: 1, updatedAt: at, sections: {}, answers: {} }), course, steps, 2);
		expect(calls).toEqual(['1→2']);
		expect(result).toMatchObject({ kind: 'ok', progress: { sections: { 'een/a': { visitedAt: at } } } });
		expect(readProgress(JSON.stringify({ version: 0 }), course, [], 1)).toEqual({ kind: 'corrupt', reason: 'geen migratie van versie 0' });
	});

	it('keeps the newer of two answers', () => {
		const older = { ...record, savedAt: '2026-01-01T00:00:00.000Z' } as const;
		const recent = { ...record, savedAt: '2026-02-01T00:00:00.000Z' } as const;
		expect(newer(recent as never, older as never)).toBe(recent);
		expect(newer(older as never, recent as never)).toBe(recent);
	});
});

describe('section state and course progress', () => {
	const sections = [
		{ path: 'een/a', exerciseIds: [] },
		{ path: 'een/b', exerciseIds: ['x', 'y'] },
		{ path: 'twee/c', exerciseIds: [] }
	];

	it('goes from not started to busy to done', () => {
		const p = emptyProgress(course, at);
		expect(sectionState(sections[1]!, p)).toBe('not-started');
		p.sections['een/b'] = { visitedAt: at };
		expect(sectionState(sections[1]!, p)).toBe('busy');
		p.sections['een/b'].endReachedAt = at;
		p.answers.x = record as never;
		expect(sectionState(sections[1]!, p)).toBe('busy');
		p.answers.y = { ...record, value: { type: 'reflection', text: 'iets' }, attempts: 1 } as never;
		expect(sectionState(sections[1]!, p)).toBe('done');
	});

	it('counts a started exercise as busy even before the section was opened', () => {
		const p = emptyProgress(course, at);
		p.answers.x = { ...record, attempts: 0 } as never;
		expect(sectionState(sections[1]!, p)).toBe('busy');
	});

	it('reports done sections and a percentage', () => {
		const p = emptyProgress(course, at);
		p.sections['een/a'] = { visitedAt: at, endReachedAt: at };
		expect(courseProgress(sections, p)).toEqual({ done: 1, total: 3, percent: 33 });
	});

	it('resumes at the last section, or offers none to a new learner', () => {
		const p = emptyProgress(course, at);
		expect(resumePath(sections, p)).toBeNull();
		p.sections['een/a'] = { visitedAt: at, endReachedAt: at };
		expect(resumePath(sections, p)).toBe('een/b');
		p.lastPath = 'twee/c';
		expect(resumePath(sections, p)).toBe('twee/c');
		p.lastPath = 'weg/verdwenen';
		expect(resumePath(sections, p)).toBe('een/b');
	});
});
