// The browser's side of the HTTP API (docs/api.md): one small function per endpoint, each
// answering with a result instead of throwing, so callers decide per status what to tell the learner.
import { href } from '$lib/paths';
import type { Change, RemoteProgress } from './sync';

/** `status` 0 means there was no answer at all: offline, or no server (file://). */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message?: string };

export interface ResumeCode {
	/** In groups of four, for reading aloud: "ABCD-EFGH-JKMN-PQ". */
	code: string;
	url: string;
	/** When the code stops working (it also works only once). */
	expiresAt?: string;
	/** An SVG image of the QR code for `url`; shown as an image, never inserted as markup. */
	qrSvg: string;
}

async function call<T>(method: string, path: string, body?: unknown, keepalive = false): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(href(path), {
			method,
			// Every write must say JSON (else 415), a DELETE without a body too; reads must not come
			// from a cache, they are per learner.
			headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			cache: 'no-store',
			credentials: 'same-origin',
			keepalive
		});
	} catch {
		return { ok: false, status: 0 };
	}
	let data: unknown = null;
	try {
		data = response.status === 204 ? null : await response.json();
	} catch {
		// Not JSON: a static host's 404 page, for instance. The status says enough.
	}
	if (response.ok) return { ok: true, status: response.status, data: data as T };
	const message = (data as { error?: { message?: unknown } } | null)?.error?.message;
	return { ok: false, status: response.status, message: typeof message === 'string' ? message : undefined };
}

export const api = {
	status: () => call<{ sync?: unknown }>('GET', '/api/status'),
	sync: (changes: Change[], keepalive = false) => call<{ accepted?: unknown; notApplied?: unknown }>('POST', '/api/sync', { changes }, keepalive),
	progress: () => call<RemoteProgress>('GET', '/api/progress'),
	deleteLearner: () => call<null>('DELETE', '/api/learner'),
	resumeCode: () => call<ResumeCode>('POST', '/api/resume-code', {}),
	resume: (code: string) => call<RemoteProgress>('POST', '/api/resume', { code })
};

/** A server answer's progress, checked just enough to be merged (mergeProgress checks each entry). */
export function asRemote(data: unknown): RemoteProgress {
	const obj = (x: unknown) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
	return { answers: obj(obj(data).answers), sections: obj(obj(data).sections) };
}

/**
 * The changes of a sync answer that the server did not write because it holds a newer answer for
 * that exercise (its clock orders answers; docs/api.md). The device should then fetch
 * /api/progress and merge, so it shows the newer answer instead of silently keeping its own.
 */
export function notAppliedIn(data: unknown): string[] {
	const list = (data as { notApplied?: unknown } | null)?.notApplied;
	return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
}
