// The storage port of a page in a SCORM package: the device copy first, the LMS copy merged in.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress, type Progress } from '../model';
import { storageKey } from '../storage';
import type { Decoded } from './codec';
import { scormPorts } from './page';
import type { ScormSession } from './session';

const course = 'digitale-kloof';
const record = (text: string, savedAt: string): AnswerRecord => ({ value: { type: 'reflection', text }, attempts: 1, savedAt });

function fakeSession(stored: Decoded | null, save: ScormSession['save'] = () => null): ScormSession {
	return { version: 'scorm12', stored: () => stored, location: () => '', save, commit: vi.fn(), finish: vi.fn() };
}

beforeEach(() => {
	const items = new Map<string, string>();
	vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) });
	vi.stubGlobal('addEventListener', vi.fn());
});
afterEach(() => vi.unstubAllGlobals());

describe('SCORM storage port', () => {
	it('keeps the device copy when the LMS refuses or throws', () => {
		const { storage } = scormPorts(fakeSession(null, () => ({ kind: 'failed' })));
		const p = emptyProgress(course);
		p.answers.r1 = record('Alles wat ik schreef', '2026-11-30T10:00:00.000Z');
		expect(storage.save(p)).toBe('ok');
		expect(JSON.parse(localStorage.getItem(storageKey(course))!).answers.r1.value.text).toBe('Alles wat ik schreef');
		const load = storage.load(course);
		expect(load.kind === 'ok' && load.progress.answers.r1).toEqual(p.answers.r1);
	});

	it('on a device without a copy, the LMS copy; with one, the newer answer wins and a shortened text never replaces the whole', () => {
		const lms: Progress = emptyProgress(course, '2026-11-30T10:00:00.000Z');
		lms.lastPath = 'a/b';
		lms.answers.r1 = record('Alles wat', '2026-11-30T10:00:00.000Z'); // cut by the LMS
		lms.answers.r2 = record('Nieuwer in de LMS', '2026-11-30T12:00:00.000Z');
		const { storage } = scormPorts(fakeSession({ progress: lms, cut: ['r1'], order: [] }));
		const fresh = storage.load(course);
		expect(fresh.kind === 'ok' && fresh.progress.lastPath).toBe('a/b');

		const device = emptyProgress(course);
		device.answers.r1 = record('Alles wat ik schreef', '2026-11-30T10:00:00.000Z');
		device.answers.r2 = record('Ouder op het apparaat', '2026-11-30T11:00:00.000Z');
		localStorage.setItem(storageKey(course), JSON.stringify(device));
		const merged = storage.load(course);
		expect(merged.kind).toBe('ok');
		if (merged.kind !== 'ok') return;
		expect((merged.progress.answers.r1!.value as { text: string }).text).toBe('Alles wat ik schreef');
		expect((merged.progress.answers.r2!.value as { text: string }).text).toBe('Nieuwer in de LMS');
	});

	it('without a launch page (opened outside the LMS) it is the device copy only', () => {
		const { storage } = scormPorts(null);
		expect(storage.load(course)).toEqual({ kind: 'empty' });
		expect(storage.save(emptyProgress(course))).toBe('ok');
	});
});
