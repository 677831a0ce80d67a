// The LMS's SCORM API, found and called as the specifications say: the API object (1.2 `API`,
// 2004 `API_1484_11`) is looked for in the window's parents, then in its opener's, never further
// than a fixed number of frames. Every call is wrapped: an LMS that throws, refuses or is gone
// answers `false` here, and the caller keeps the device copy regardless.
import type { ScormVersion } from './codec';

export interface ScormRuntime {
	version: ScormVersion;
	initialize(): boolean;
	get(element: string): string;
	set(element: string, value: string): boolean;
	commit(): boolean;
	/** Only once; every call after it is refused here, so the LMS never sees one. */
	finish(): boolean;
	readonly finished: boolean;
}

type Api12 = Record<'LMSInitialize' | 'LMSGetValue' | 'LMSSetValue' | 'LMSCommit' | 'LMSFinish', (...args: string[]) => unknown>;
type Api2004 = Record<'Initialize' | 'GetValue' | 'SetValue' | 'Commit' | 'Terminate', (...args: string[]) => unknown>;

const names = { scorm12: 'API', scorm2004: 'API_1484_11' } as const;

/** Look for the API in `win` and its parents (at most 500 frames, as ADL's sample code does). */
function search(win: Window | null, name: string): unknown {
	for (let tries = 0; win && tries < 500; tries++) {
		try {
			const api = (win as unknown as Record<string, unknown>)[name];
			if (api) return api;
		} catch {
			return null; // a frame of another origin: the API cannot be there for us
		}
		if (win.parent === win) return null;
		win = win.parent;
	}
	return null;
}

export function findApi(version: ScormVersion, from: Window = window): unknown {
	const name = names[version];
	let opener: Window | null = null;
	try {
		opener = from.opener as Window | null;
	} catch {
		opener = null;
	}
	return search(from, name) ?? search(opener, name);
}

/** The runtime around a found API object; null when there is none. */
export function scormRuntime(version: ScormVersion, api: unknown): ScormRuntime | null {
	if (!api || typeof api !== 'object') return null;
	const a = api as Api12 & Api2004;
	const m = version === 'scorm12'
		? { init: () => a.LMSInitialize(''), get: (e: string) => a.LMSGetValue(e), set: (e: string, v: string) => a.LMSSetValue(e, v), commit: () => a.LMSCommit(''), finish: () => a.LMSFinish('') }
		: { init: () => a.Initialize(''), get: (e: string) => a.GetValue(e), set: (e: string, v: string) => a.SetValue(e, v), commit: () => a.Commit(''), finish: () => a.Terminate('') };
	let finished = false;
	const call = (f: () => unknown): unknown => {
		if (finished) return false;
		try {
			return f();
		} catch {
			return false;
		}
	};
	const ok = (r: unknown) => r === true || r === 'true';
	return {
		version,
		initialize: () => ok(call(m.init)),
		get: (element) => {
			const r = call(() => m.get(element));
			return typeof r === 'string' ? r : '';
		},
		set: (element, value) => ok(call(() => m.set(element, value))),
		commit: () => ok(call(m.commit)),
		finish() {
			const r = ok(call(m.finish));
			finished = true;
			return r;
		},
		get finished() {
			return finished;
		}
	};
}
