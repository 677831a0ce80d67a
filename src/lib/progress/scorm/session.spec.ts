// The session against a real SCORM runtime (scorm-again, dev only), both versions.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress, type Progress } from '../model';
import { SUSPEND_LIMIT, type ScormVersion } from './codec';
import { scormRuntime } from './runtime';
import { startSession } from './session';
import type { Tracking } from './tracking';

const tracking: Tracking = {
	course: 'digitale-kloof',
	title: 'Test',
	lang: 'nl',
	sections: [{ path: 'a/een', counts: true }, { path: 'a/twee', counts: true }, { path: 'quiz/test', counts: true }],
	scored: [{ id: 'q1', type: 'single-choice' }, { id: 'q2', type: 'matching' }],
	quiz: ['q1', 'q2']
};
const reflections = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
const at = '2026-11-30T10:00:00.000Z';

function done(): Progress {
	const p = emptyProgress('digitale-kloof', at);
	p.lastPath = 'quiz/test';
	for (const s of tracking.sections) p.sections[s.path] = { visitedAt: at, endReachedAt: at };
	p.answers.q1 = { value: { type: 'single-choice', choice: 'b' }, attempts: 1, verdict: 'correct', firstVerdict: 'correct', savedAt: at };
	p.answers.q2 = { value: { type: 'matching', pairs: { t1: 'd1' } }, attempts: 2, verdict: 'correct', firstVerdict: 'incorrect', savedAt: at };
	return p;
}

/** Every reflection at its maximum length (10,000 characters). */
function worstCase(): Progress {
	const p = done();
	for (const id of reflections) p.answers[id] = { value: { type: 'reflection', text: `${id}: ${'Ik merk in mijn werk dat mensen vastlopen. '.repeat(250)}`.slice(0, 10_000) }, attempts: 1, savedAt: at } satisfies AnswerRecord;
	return p;
}

const apis = { scorm12: () => new Scorm12API({ logLevel: 5 }), scorm2004: () => new Scorm2004API({ logLevel: 5 }) };
type Api = ReturnType<(typeof apis)[ScormVersion]>;
const cmi = (api: Api) => (api.renderCMIToJSONObject() as { cmi: Record<string, any> }).cmi;

describe.each(['scorm12', 'scorm2004'] as const)('SCORM session on scorm-again, %s', (version) => {
	it('reports completion, success, score, location, interactions and suspend_data, and a relaunch restores it', () => {
		const api = apis[version]();
		const { session, problem } = startSession(scormRuntime(version, api), tracking, { mastery: 50 });
		expect(problem).toBeNull();
		expect(session.save(done())).toBeNull();
		session.finish();
		const data = cmi(api);
		if (version === 'scorm12') {
			expect(data.core.lesson_status).toBe('passed');
			expect(data.core.score.raw).toBe('50');
			expect(data.core.lesson_location).toBe('quiz/test');
			expect(data.core.exit).toBe('suspend');
			expect(data.interactions['0'].id).toBe('q1');
		} else {
			expect(data.completion_status).toBe('completed');
			expect(data.success_status).toBe('passed');
			expect(data.score.scaled).toBe('0.5');
			expect(data.location).toBe('quiz/test');
			expect(data.exit).toBe('suspend');
			expect(data.interactions['1'].learner_response).toBe('t1[.]d1');
		}
		expect(data.suspend_data.startsWith('E1')).toBe(true);

		// Relaunch: a new runtime with what the LMS kept.
		const again = apis[version]();
		again.loadFromJSON(data);
		const restored = startSession(scormRuntime(version, again), tracking).session;
		expect(restored.location()).toBe('quiz/test');
		expect(restored.stored()!.progress.answers).toEqual(done().answers);
		expect(Object.keys(restored.stored()!.progress.sections)).toEqual(tracking.sections.map((s) => s.path));
	});

	it('a page reads its device copy with the LMS copy merged in: the newer answer wins, a text the LMS kept in part never replaces the whole', () => {
		// The LMS copy of an earlier visit on another device: r1 cut short by the LMS, r2 newer there.
		const first = apis[version]();
		const earlier = startSession(scormRuntime(version, first), tracking).session;
		const lms = done();
		lms.answers.r1 = { value: { type: 'reflection', text: 'Alles wat' }, attempts: 1, savedAt: at };
		lms.answers.r2 = { value: { type: 'reflection', text: 'Nieuwer in de LMS' }, attempts: 1, savedAt: '2026-11-30T12:00:00.000Z' };
		earlier.save(lms);
		earlier.finish();
		const again = apis[version]();
		again.loadFromJSON(cmi(first));
		const { session } = startSession(scormRuntime(version, again), tracking);

		// A device without a usable copy (another device, wiped or blocked storage) gets the LMS copy.
		for (const kind of ['empty', 'unavailable'] as const) {
			const read = session.restore({ kind });
			expect(read.kind === 'ok' && read.progress.answers.r2).toEqual(lms.answers.r2);
		}
		// A copy of a newer format on the device is left alone (the learner is told, nothing is overwritten).
		expect(session.restore({ kind: 'newer', version: 9 })).toEqual({ kind: 'newer', version: 9 });

		const device = emptyProgress('digitale-kloof', at);
		device.answers.r1 = { value: { type: 'reflection', text: 'Alles wat ik schreef' }, attempts: 1, savedAt: at };
		device.answers.r2 = { value: { type: 'reflection', text: 'Ouder op het apparaat' }, attempts: 1, savedAt: '2026-11-30T11:00:00.000Z' };
		const merged = session.restore({ kind: 'ok', progress: device, dropped: 0 });
		expect(merged.kind).toBe('ok');
		if (merged.kind !== 'ok') return;
		expect(merged.progress.answers.r1!.value).toEqual({ type: 'reflection', text: 'Alles wat ik schreef' });
		expect(merged.progress.answers.r2!.value).toEqual({ type: 'reflection', text: 'Nieuwer in de LMS' });
		expect(merged.progress.answers.q1).toEqual(lms.answers.q1);
		expect(merged.progress.lastPath).toBe('quiz/test');
		expect(Object.keys(merged.progress.sections)).toEqual(tracking.sections.map((s) => s.path));
	});

	it('success: the LMS’s passing score decides (before the one set at export); with none anywhere, no pass or fail', () => {
		// done(): one of two scored exercises right at the first check, score 50, quiz done.
		const success = (api: Api) => (version === 'scorm12' ? cmi(api).core.lesson_status : cmi(api).success_status);
		const run = (lms: string | null, mastery?: number) => {
			const api = apis[version]();
			if (lms !== null) api.loadFromJSON((version === 'scorm12' ? { student_data: { mastery_score: lms } } : { scaled_passing_score: lms }) as never);
			startSession(scormRuntime(version, api), tracking, { mastery }).session.save(done());
			return api;
		};
		const none = run(null);
		expect(success(none)).toBe(version === 'scorm12' ? 'completed' : 'unknown');
		if (version === 'scorm2004') expect(cmi(none).completion_status).toBe('completed');
		expect(success(run(null, 40))).toBe('passed');
		expect(success(run(version === 'scorm12' ? '60' : '0.6', 40))).toBe('failed');
		expect(success(run(version === 'scorm12' ? '50' : '0.5'))).toBe('passed');
	});

	it('commits after every save, and makes no call at all after finish', () => {
		const api = apis[version]();
		const commit = vi.spyOn(api as any, version === 'scorm12' ? 'LMSCommit' : 'Commit');
		const { session } = startSession(scormRuntime(version, api), tracking);
		session.save(done());
		session.save(done());
		expect(commit).toHaveBeenCalledTimes(2);
		session.finish();
		session.finish();
		const calls = vi.fn();
		for (const name of Object.keys(Object.getPrototypeOf(api)).concat(['LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetValue', 'SetValue', 'Commit', 'Terminate', 'GetValue']))
			if (typeof (api as any)[name] === 'function') vi.spyOn(api as any, name).mockImplementation(calls);
		expect(session.save(done())).toEqual({ kind: 'failed' });
		session.commit();
		session.finish();
		expect(calls).not.toHaveBeenCalled();
	});

	it(`worst case, every reflection at full length: suspend_data within ${SUSPEND_LIMIT[version]} characters, nothing silent`, () => {
		const api = apis[version]();
		const { session } = startSession(scormRuntime(version, api), tracking);
		const result = session.save(worstCase());
		const data: string = cmi(api).suspend_data;
		expect(data.length).toBeLessThanOrEqual(SUSPEND_LIMIT[version]);
		console.log(`${version}: worst case suspend_data ${data.length} characters, cut: ${result?.kind === 'full' ? result.cut.length : 0} of 6 reflections`);
		const back = session.stored()!;
		// Every scored answer and visit is always there; texts are whole or marked as cut, and told.
		expect(back.progress.answers.q1).toEqual(done().answers.q1);
		for (const id of reflections) {
			const text = (back.progress.answers[id]!.value as { text: string }).text;
			const full = (worstCase().answers[id]!.value as { text: string }).text;
			if (back.cut.includes(id)) expect(full.startsWith(text) && text.length < full.length).toBe(true);
			else expect(text).toBe(full);
		}
		if (back.cut.length) expect(result).toEqual({ kind: 'full', cut: back.cut });
		if (version === 'scorm12') expect(back.cut.length).toBeGreaterThan(0);
	});

	it('an LMS that refuses or throws is reported, never thrown at the page', () => {
		const api = apis[version]();
		const { session } = startSession(scormRuntime(version, api), tracking);
		vi.spyOn(api as any, version === 'scorm12' ? 'LMSCommit' : 'Commit').mockImplementation(() => {
			throw new Error('LMS weg');
		});
		expect(session.save(done())).toEqual({ kind: 'failed' });
		expect(startSession(null, tracking).problem).toEqual({ kind: 'failed' });
	});
});
