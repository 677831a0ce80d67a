import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { BoardState } from '$lib/team/contract';
import { Device, multipleResponse, randomAddress, reflection, sectionPath, singleChoice, type Reply } from './client';

// Team sessions over HTTP, as the pages would use them: keys in `authorization: Bearer`, the board
// read from the event stream with fetch (EventSource cannot send the header).

export const TEAM_TABLES = ['team_sessions', 'team_participants', 'team_answers', 'team_sections', 'team_reflections'] as const;

/** One device in a team session: a facilitator or a participant, with its key. */
export class TeamDevice extends Device {
	key: string | null = null;
	constructor(base: string, address = randomAddress()) {
		super(base, address);
	}
	call(method: string, path: string, json?: unknown, key = this.key): Promise<Reply> {
		return this.request(method, path, { json, headers: key ? { authorization: `Bearer ${key}` } : {} });
	}
}

export interface Created {
	facilitator: TeamDevice;
	key: string;
	code: string;
	title: string;
	reply: Reply;
}

/** Start a session; the title is unique, so the database rows can be found by it. */
export async function createSession(base: string, title = `Team ${Math.random().toString(36).slice(2, 10)}`, address?: string): Promise<Created> {
	const facilitator = new TeamDevice(base, address);
	const reply = await facilitator.call('POST', '/api/team/sessions', { title });
	if (reply.status !== 201) throw new Error(`sessie starten: ${reply.status} ${JSON.stringify(reply.body)}`);
	facilitator.key = reply.body.facilitatorKey;
	return { facilitator, key: reply.body.facilitatorKey, code: reply.body.joinCode, title, reply };
}

export async function joinAs(base: string, code: string, address?: string): Promise<TeamDevice> {
	const device = new TeamDevice(base, address);
	const reply = await device.call('POST', '/api/team/join', { code });
	if (reply.status !== 200) throw new Error(`meedoen: ${reply.status} ${JSON.stringify(reply.body)}`);
	device.key = reply.body.participantKey;
	return device;
}

export const choiceAnswer = (index: number, firstVerdict: 'correct' | 'partial' | 'incorrect' = 'incorrect') => ({
	exerciseId: singleChoice.id,
	value: { type: 'single-choice', choice: singleChoice.options[index]!.id },
	firstVerdict
});
export const ticked = (ids: string[]) => ({ exerciseId: multipleResponse.id, value: { type: 'multiple-response', choices: ids }, firstVerdict: 'partial' });
export const progress = (answers: unknown[], sections: string[] = [sectionPath]) => ({ answers, sections });
export const shareBody = (text: string) => ({ exerciseId: reflection.id, text });

export interface BoardEvent {
	event: string;
	data: string;
	at: number;
}

/** A board's event stream, read as the board page would. */
export class Board {
	events: BoardEvent[] = [];
	comments = 0;
	status = 0;
	headers?: Headers;
	closed = false;
	private readonly abort = new AbortController();
	private waiters: (() => void)[] = [];
	ready: Promise<void>;

	constructor(base: string, key: string) {
		this.ready = this.read(base, key);
	}

	private async read(base: string, key: string): Promise<void> {
		const response = await fetch(`${base}/api/team/session/events`, { headers: { authorization: `Bearer ${key}` }, signal: this.abort.signal });
		this.status = response.status;
		this.headers = response.headers;
		if (!response.ok || !response.body) {
			this.closed = true;
			return;
		}
		void (async () => {
			const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
			let buffer = '';
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) break;
					buffer += value;
					let end: number;
					while ((end = buffer.indexOf('\n\n')) !== -1) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						if (block.startsWith(':')) this.comments++;
						const event = /^event: (.*)$/m.exec(block)?.[1];
						const data = /^data: (.*)$/m.exec(block)?.[1];
						if (event) this.events.push({ event, data: data ?? '', at: performance.now() });
					}
					this.wake();
				}
			} catch {
				// aborted
			}
			this.closed = true;
			this.wake();
		})();
	}

	private wake(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const w of waiters) w();
	}

	/** The newest board state received. */
	get state(): BoardState | undefined {
		const last = this.events.findLast((e) => e.event === 'state');
		return last ? (JSON.parse(last.data) as BoardState) : undefined;
	}

	/** Wait until a state satisfies `test` (or the stream ends, or `ms` pass); resolves with the time it arrived. */
	async until(test: (state: BoardState) => boolean, ms = 5000): Promise<{ state: BoardState; at: number }> {
		const deadline = performance.now() + ms;
		for (;;) {
			const found = this.events.find((e) => e.event === 'state' && test(JSON.parse(e.data) as BoardState));
			if (found) return { state: JSON.parse(found.data) as BoardState, at: found.at };
			const left = deadline - performance.now();
			if (left <= 0 || this.closed) throw new Error(`het bord kreeg binnen ${ms} ms geen passende stand (${this.events.length} events)`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	}

	/** Wait for an event named `name`. */
	async event(name: string, ms = 5000): Promise<BoardEvent> {
		const deadline = performance.now() + ms;
		for (;;) {
			const found = this.events.find((e) => e.event === name);
			if (found) return found;
			const left = deadline - performance.now();
			if (left <= 0 || this.closed) throw new Error(`geen event "${name}" binnen ${ms} ms`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, Math.min(left, 50));
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	}

	close(): void {
		this.abort.abort();
	}
}

/** Rows of one session (by its title) in each team table, read from the server's database directly. */
export async function sessionRows(server: { logFile: string; databaseUrl?: string }, title: string, sessionId?: string): Promise<{ id: string | undefined; rows: Record<string, number> }> {
	const query = async (sql: string, params: string[]): Promise<Record<string, unknown>[]> => {
		if (server.databaseUrl) {
			const client = new pg.Client({ connectionString: server.databaseUrl });
			await client.connect();
			try {
				return (await client.query(sql.replace(/\?/g, (_, i: number) => `$${sql.slice(0, i).split('?').length}`), params)).rows;
			} finally {
				await client.end();
			}
		}
		const sqlite = new SQLite(join(dirname(server.logFile), 'etool.sqlite'), { readonly: true });
		try {
			return sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
		} finally {
			sqlite.close();
		}
	};
	const id = sessionId ?? ((await query('select id from team_sessions where title = ?', [title]))[0]?.id as string | undefined);
	const rows: Record<string, number> = {};
	for (const table of TEAM_TABLES) {
		const column = table === 'team_sessions' ? 'id' : 'session_id';
		rows[table] = Number((await query(`select count(*) as n from ${table} where ${column} = ?`, [id ?? '']))[0]!.n);
	}
	return { id, rows };
}
