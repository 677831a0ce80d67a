// The ports a page of a SCORM package gets from the launch page around its frame (frame-ports.ts,
// page.ts): the device copy first, every save handed to the LMS session, a commit on leaving.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress, type Progress } from '../model';
import type { StoragePort } from '../progress';
import { framePorts, type ScormHost } from './frame-ports';
import { scormPorts } from './page';
import { startSession, type ScormSession } from './session';

const course = 'digitale-kloof';
const record = (text: string, savedAt: string): AnswerRecord => ({ value: { type: 'reflection', text }, attempts: 1, savedAt });

/** A device storage in memory; `broken` makes every write fail as a blocked localStorage does. */
function device(broken = false): StoragePort & { copy: Progress | null } {
	const port = {
		copy: null as Progress | null,
		load: (): ReturnType<StoragePort['load']> => (broken ? { kind: 'unavailable' } : port.copy ? { kind: 'ok', progress: structuredClone(port.copy), dropped: 0 } : { kind: 'empty' }),
		save: (p: Progress) => (broken ? 'unavailable' : ((port.copy = structuredClone(p)), 'ok')),
		clear: () => void (port.copy = null)
	};
	return port;
}

function fakeSession(save: ScormSession['save'] = () => null): ScormSession & { saved: Progress[] } {
	const saved: Progress[] = [];
	return {
		saved,
		version: 'scorm12',
		stored: () => null,
		restore: (copy) => copy,
		location: () => '',
		save: (p) => (saved.push(structuredClone(p)), save(p)),
		commit: vi.fn(),
		finish: vi.fn()
	};
}

/** The page's window, as far as the ports use it: they listen for it being left. */
const page = () => {
	const listeners: Record<string, () => void> = {};
	const addEventListener = ((type: string, f: () => void) => void (listeners[type] = f)) as Window['addEventListener'];
	return { addEventListener, fire: (type: string) => listeners[type]?.() };
};

afterEach(() => vi.unstubAllGlobals());

describe('a page in the launch page’s frame', () => {
	it('saves on the device first and hands every save to the LMS session; the device copy stays when the LMS refuses', () => {
		const session = fakeSession(() => ({ kind: 'failed' }));
		const disk = device();
		const { storage } = framePorts(session, page(), disk);
		const p = emptyProgress(course);
		p.answers.r1 = record('Alles wat ik schreef', '2026-11-30T10:00:00.000Z');
		expect(storage.save(p)).toBe('ok');
		expect(disk.copy?.answers.r1).toEqual(p.answers.r1);
		expect(session.saved.at(-1)?.answers.r1).toEqual(p.answers.r1);
		const load = storage.load(course);
		expect(load.kind === 'ok' && load.progress.answers.r1).toEqual(p.answers.r1);
	});

	it('with device storage blocked, the LMS still gets every save and the page reads the LMS copy', () => {
		const { session } = startSession(null, { course, title: 'T', lang: 'nl', sections: [], scored: [], quiz: [] });
		const host = fakeSession();
		const { storage } = framePorts({ ...host, restore: session.restore }, page(), device(true));
		const p = emptyProgress(course);
		p.lastPath = 'a/b';
		expect(storage.save(p)).toBe('unavailable');
		expect(host.saved.at(-1)?.lastPath).toBe('a/b');
		// No LMS copy either (no LMS found): what the device says, so the learner is told.
		expect(storage.load(course)).toEqual({ kind: 'unavailable' });
	});

	it('leaving the page commits; wiping clears the device and empties the LMS copy; it never finishes', () => {
		const session = fakeSession();
		const disk = device();
		const window = page();
		const { storage } = framePorts(session, window, disk);
		storage.save(emptyProgress(course));
		window.fire('pagehide');
		expect(session.commit).toHaveBeenCalledTimes(1);
		storage.clear(course);
		expect(disk.copy).toBeNull();
		expect(session.saved.at(-1)).toMatchObject({ courseId: course, answers: {}, sections: {} });
		expect(session.finish).not.toHaveBeenCalled();
	});

	it('asks the launch page for its ports; without one (opened on its own, or another origin) it keeps the device copy only', () => {
		const ports = vi.fn<ScormHost['ports']>(() => ({ storage: device() }));
		const self = { etoolScorm: undefined } as unknown as Window;
		vi.stubGlobal('window', Object.assign(self, { parent: { etoolScorm: { ports } } }));
		expect(scormPorts().storage).toBeDefined();
		expect(ports).toHaveBeenCalledWith(self, expect.objectContaining({ load: expect.any(Function), save: expect.any(Function) }));

		vi.stubGlobal('window', Object.assign({}, { get parent() { return window; } }));
		expect(scormPorts()).toEqual({});
		vi.stubGlobal('window', { get parent(): Window { throw new DOMException('Blocked a frame', 'SecurityError'); } });
		expect(scormPorts()).toEqual({});
	});
});
