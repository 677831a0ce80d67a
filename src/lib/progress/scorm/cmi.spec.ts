import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress } from '../model';
import { cmiValues, interactions, passingScore, sessionTime, status } from './cmi';
import type { Tracking } from './tracking';

const tracking: Tracking = {
	course: 'digitale-kloof',
	title: 'Test',
	lang: 'nl',
	sections: [
		{ path: 'a/een', counts: true },
		{ path: 'a/twee', counts: true },
		{ path: 'bronnen/x', counts: false }
	],
	scored: [
		{ id: 'q1', type: 'single-choice' },
		{ id: 'q2', type: 'matching' },
		{ id: 'q3', type: 'multiple-response' },
		{ id: 'q4', type: 'sorting' }
	],
	quiz: ['q3', 'q4']
};
const at = '2026-11-30T10:00:00.000Z';
const checked = (value: AnswerRecord['value'], first: AnswerRecord['verdict'], last = first): AnswerRecord => ({ value, attempts: 1, savedAt: at, verdict: last, firstVerdict: first });

function progress() {
	const p = emptyProgress('digitale-kloof', at);
	p.sections = { 'a/een': { visitedAt: at }, 'a/twee': { visitedAt: at } };
	p.answers = {
		q1: checked({ type: 'single-choice', choice: 'b' }, 'correct'),
		q3: checked({ type: 'multiple-response', choices: ['a', 'c'] }, 'partial', 'correct'),
		q4: checked({ type: 'sorting', placed: { k1: 'ja', k2: 'nee' } }, 'correct')
	};
	return p;
}

describe('the LMS’s passing score', () => {
	it('reads 1.2 (0–100) and 2004 (scaled) as 0–100; none when empty or unreadable', () => {
		expect(passingScore('scorm12', '70')).toBe(70);
		expect(passingScore('scorm2004', '0.7')).toBe(70);
		expect(passingScore('scorm2004', '1')).toBe(100);
		expect(passingScore('scorm2004', '-0.5')).toBe(0);
		expect(passingScore('scorm12', '')).toBeUndefined();
		expect(passingScore('scorm2004', 'abc')).toBeUndefined();
	});
});

describe('CMI mapping', () => {
	it('completed once every learning section is opened and the quiz checked; the appendix does not count', () => {
		expect(status(tracking, progress())).toEqual({ completed: true, score: 50, passed: null });
		const noQuiz = progress();
		delete noQuiz.answers.q4;
		expect(status(tracking, noQuiz).completed).toBe(false);
		const notRead = progress();
		delete notRead.sections['a/twee'];
		expect(status(tracking, notRead).completed).toBe(false);
	});

	it('scores the first check (as the proof page): 2 of 4 right at once is 50', () => {
		expect(status(tracking, progress()).score).toBe(50);
		expect(status(tracking, progress(), 50).passed).toBe(true);
		expect(status(tracking, progress(), 80).passed).toBe(false);
	});

	it('1.2 and 2004 values: status, score, location, suspend on exit', () => {
		const s = status(tracking, progress(), 80);
		expect(Object.fromEntries(cmiValues('scorm12', s, 'a/twee'))).toMatchObject({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '50', 'cmi.core.lesson_location': 'a/twee', 'cmi.core.exit': 'suspend' });
		expect(Object.fromEntries(cmiValues('scorm2004', s, 'a/twee'))).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed', 'cmi.score.scaled': '0.5', 'cmi.location': 'a/twee', 'cmi.exit': 'suspend' });
		const open = status(tracking, emptyProgress('digitale-kloof'));
		expect(Object.fromEntries(cmiValues('scorm12', open, undefined))['cmi.core.lesson_status']).toBe('incomplete');
		expect(Object.fromEntries(cmiValues('scorm2004', open, undefined))['cmi.success_status']).toBe('unknown');
	});

	it('one interaction per checked exercise, indices kept, new ones at the end, responses in the type format', () => {
		const first = interactions(tracking, progress().answers, ['q4'], 'scorm2004');
		expect(first.order).toEqual(['q4', 'q1', 'q3']);
		const v = Object.fromEntries(first.values);
		expect(v['cmi.interactions.0.id']).toBe('q4');
		expect(v['cmi.interactions.0.learner_response']).toBe('k1[.]ja[,]k2[.]nee');
		expect(v['cmi.interactions.1.result']).toBe('correct');
		expect(v['cmi.interactions.2.learner_response']).toBe('a[,]c');
		const v12 = Object.fromEntries(interactions(tracking, progress().answers, [], 'scorm12').values);
		expect(v12['cmi.interactions.2.student_response']).toBe('k1.ja,k2.nee');
		expect(v12['cmi.interactions.0.result']).toBe('correct');
	});

	it('session time in each version\'s format', () => {
		expect(sessionTime(3_723_450, 'scorm12')).toBe('0001:02:03.45');
		expect(sessionTime(3_723_450, 'scorm2004')).toBe('PT1H2M3.45S');
	});
});
