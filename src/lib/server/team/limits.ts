import type { Limit } from '../rate-limit';

// The rate limits of the team endpoints (docs/deploy.md, decision 0011 "Limits against abuse"). Each
// can be changed through its environment variable; a value that is not a positive integer keeps the
// default. Limits marked `local` count in the instance's memory, the others in the shared database.

const limit = (name: string, env: string, fallback: number, windowMs: number): Limit => {
	const n = Number(process.env[env]);
	return { name, max: Number.isInteger(n) && n > 0 ? n : fallback, windowMs };
};
/** New sessions per address group per hour (RATE_LIMIT_TEAM_SESSIONS). */
export const NEW_SESSIONS = limit('team-new', 'RATE_LIMIT_TEAM_SESSIONS', 20, 60 * 60_000);
/**
 * New sessions from everyone together per hour: many address groups (an IPv6 /48 holds 65,536 /64s)
 * would otherwise each start 20, and every session can hold 200 participants' texts
 * (RATE_LIMIT_TEAM_SESSIONS_TOTAL). A group over its own limit is refused before it counts here.
 */
export const NEW_SESSIONS_TOTAL = limit('team-new-all', 'RATE_LIMIT_TEAM_SESSIONS_TOTAL', 500, 60 * 60_000);
/**
 * Board reads per session per minute, in memory: `GET /api/team/session`, every stream opened and
 * every decision on a shared text (it answers with the board).
 * Each computes the whole board (up to ~2.5 MB with 200 participants' texts); 200 such reads held
 * every other request up to 3 s. A panel, a board and a summary reconnecting need a few
 * (RATE_LIMIT_TEAM_BOARD_READS_PER_MINUTE).
 */
export const BOARD_READS: Limit = { ...limit('team-board', 'RATE_LIMIT_TEAM_BOARD_READS_PER_MINUTE', 60, 60_000), local: true };
/** Wrong join codes per address group in 15 minutes; right ones never count, so a room behind one address can join (RATE_LIMIT_TEAM_JOIN_FAILURES). */
export const JOIN_TRIES = limit('team-join', 'RATE_LIMIT_TEAM_JOIN_FAILURES', 20, 15 * 60_000);
/** Wrong join codes from everyone together in 15 minutes: a ceiling against guessing from many addresses. */
export const JOIN_TRIES_TOTAL = limit('team-join-all', 'RATE_LIMIT_TEAM_JOIN_FAILURES_TOTAL', 1000, 15 * 60_000);
/** Writes per participant per minute, in memory: far above what a person does, low enough to stop a script. */
export const PARTICIPANT_WRITES: Limit = { ...limit('team-write', 'RATE_LIMIT_TEAM_WRITES_PER_MINUTE', 120, 60_000), local: true };
/**
 * Participant writes per address group per minute, in memory. Right codes never count, so one client
 * can be 200 participants of a session, each with its own 120; 100 of them sharing texts as fast as
 * they could held a learner's saves for seconds. This bounds such a flood to 50 a second on average.
 * A room of 200 behind one address answering every exercise within a minute sends about 1,600
 * (RATE_LIMIT_TEAM_WRITES_PER_ADDRESS).
 */
export const ADDRESS_WRITES: Limit = { ...limit('team-write-address', 'RATE_LIMIT_TEAM_WRITES_PER_ADDRESS', 3000, 60_000), local: true };
