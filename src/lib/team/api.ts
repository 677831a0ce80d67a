// The browser's side of the team endpoints (docs/api.md, issue 11): one small function per endpoint,
// each answering with a result instead of throwing, like progress/api.ts. Keys go only in the
// Authorization header, never in a URL, so no log or proxy sees them.
import { href } from '$lib/paths';
import type { ApiResult } from '$lib/progress/api';
import type { BoardState, CreatedSession, JoinInfo, Joined, MyTeamState, TeamAnswer } from './contract';

export type { ApiResult };

async function call<T>(method: string, path: string, key: string | null, body?: unknown): Promise<ApiResult<T>> {
	const headers: Record<string, string> = method === 'GET' ? {} : { 'Content-Type': 'application/json' };
	if (key) headers.Authorization = `Bearer ${key}`;
	let response: Response;
	try {
		response = await fetch(href(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
	} catch {
		return { ok: false, status: 0 };
	}
	let data: unknown = null;
	try {
		data = response.status === 204 ? null : await response.json();
	} catch {
		// Not JSON (a static host's 404 page): the status says enough.
	}
	if (response.ok) return { ok: true, status: response.status, data: data as T };
	const message = (data as { error?: { message?: unknown } } | null)?.error?.message;
	return { ok: false, status: response.status, message: typeof message === 'string' ? message : undefined };
}

/** The facilitator's calls, with the facilitator key. */
export const facilitatorApi = (key: string) => ({
	state: () => call<BoardState>('GET', '/api/team/session', key),
	joinInfo: () => call<JoinInfo>('GET', '/api/team/session/join', key),
	decide: (id: string, decision: 'approve' | 'hide') => call<BoardState>('POST', '/api/team/session/reflections', key, { id, decision }),
	end: () => call<null>('DELETE', '/api/team/session', key)
});

export const createSession = (title: string) => call<CreatedSession>('POST', '/api/team/sessions', null, { title });
export const joinSession = (code: string) => call<Joined>('POST', '/api/team/join', null, { code });

/** The participant's calls, with the participant key. */
export const participantApi = (key: string) => ({
	me: () => call<MyTeamState>('GET', '/api/team/me', key),
	progress: (answers: TeamAnswer[], sections: string[]) => call<{ ok: true }>('POST', '/api/team/me/progress', key, { answers, sections }),
	share: (exerciseId: string, text: string) => call<{ id: string; status: 'pending' }>('PUT', '/api/team/me/reflections', key, { exerciseId, text }),
	withdraw: (exerciseId: string) => call<null>('DELETE', '/api/team/me/reflections', key, { exerciseId }),
	leave: () => call<null>('DELETE', '/api/team/me', key)
});

/** What to tell a person when a call failed, by status (the keys' last part in nl.json's team.error.*). */
export function problemFor(status: number): 'offline' | 'tooMany' | 'server' | 'unknown' | 'full' {
	if (status === 0) return 'offline';
	if (status === 429) return 'tooMany';
	if (status === 404) return 'unknown';
	if (status === 409) return 'full';
	return 'server';
}
