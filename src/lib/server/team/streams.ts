// Caps on the boards' event streams (decision 0011, docs/deploy.md). A stream holds a socket and, for
// a client that does not read, up to a whole board state plus the 1 MB backlog (stream.ts) in memory;
// a board with 200 participants who each shared every reflection is about 2.5 MB. Without caps one
// client with one facilitator key opened 300 streams that never read and took the process from 85 MB
// to 1.6 GB. So: at most so many open streams per session, per address group and per process,
// counted in this process's memory (a stream lives in one process). Over a cap → 429.

const positive = (value: string | undefined, fallback: number): number => {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : fallback;
};

export interface StreamLimits {
	/** Open streams of one session: its panel, board and summary, a few devices, reconnects (TEAM_STREAMS_PER_SESSION). */
	perSession: number;
	/** Open streams from one address group (an IPv4 address, an IPv6 /64; TEAM_STREAMS_PER_ADDRESS). */
	perAddress: number;
	/** Open streams in this process (TEAM_STREAMS_TOTAL). */
	total: number;
}

export const streamLimitsFromEnv = (env: Record<string, string | undefined> = process.env): StreamLimits => ({
	perSession: positive(env.TEAM_STREAMS_PER_SESSION, 10),
	perAddress: positive(env.TEAM_STREAMS_PER_ADDRESS, 20),
	total: positive(env.TEAM_STREAMS_TOTAL, 200)
});

export type FullCap = 'session' | 'address' | 'total';

export class StreamCaps {
	private readonly open = new Map<string, number>();
	private total = 0;

	constructor(readonly limits: StreamLimits) {}

	/** Take a place for one stream; the returned `release` gives it back (once, however often it is called). Or the cap that is full. */
	take(sessionId: string, addressGroup: string): { release: () => void } | FullCap {
		const session = `s:${sessionId}`;
		const address = `a:${addressGroup}`;
		if ((this.open.get(session) ?? 0) >= this.limits.perSession) return 'session';
		if ((this.open.get(address) ?? 0) >= this.limits.perAddress) return 'address';
		if (this.total >= this.limits.total) return 'total';
		for (const key of [session, address]) this.open.set(key, (this.open.get(key) ?? 0) + 1);
		this.total++;
		let released = false;
		return {
			release: () => {
				if (released) return;
				released = true;
				this.total--;
				for (const key of [session, address]) {
					const left = (this.open.get(key) ?? 1) - 1;
					if (left > 0) this.open.set(key, left);
					else this.open.delete(key);
				}
			}
		};
	}

	/** Open streams now: in all, or of one session. */
	count(sessionId?: string): number {
		return sessionId === undefined ? this.total : (this.open.get(`s:${sessionId}`) ?? 0);
	}
}

const KEY = Symbol.for('etool.team-stream-caps');
const scope = globalThis as unknown as Record<symbol, StreamCaps | undefined>;

/** The caps of this process. */
export const streamCaps = (): StreamCaps => (scope[KEY] ??= new StreamCaps(streamLimitsFromEnv()));

/** The Dutch message for a full cap (429). */
export const STREAM_CAP_MESSAGES: Record<FullCap, string> = {
	session: 'Het bord van deze teamsessie staat al in te veel vensters open. Sluit een venster met het bord of de beheerpagina en probeer het opnieuw.',
	address: 'Er staan vanaf dit adres al te veel borden van teamsessies open. Sluit een venster met een bord en probeer het opnieuw.',
	total: 'De server heeft nu te veel borden van teamsessies open. Probeer het over een minuut opnieuw.'
};
