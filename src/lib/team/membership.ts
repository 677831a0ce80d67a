// A participant's membership of a team session, on this device: `etool.team` in localStorage
// (docs/api.md, issue 11). The participant key lives here and travels only in the Authorization
// header. client.ts checks only whether the key exists (so a text page stays light); everything
// else about teams loads when it does.

import { TEAM_STORAGE_KEY, type TeamMembership } from './contract';

/** What is kept: the contract's membership, and what this device reported already. */
export interface Membership extends TeamMembership {
	/** Exercise ids whose first answer went to the session already. */
	sent?: string[];
	/** Section paths reported already. */
	seen?: string[];
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** The membership on this device, or null (none, unreadable, or storage blocked). */
export function readMembership(): Membership | null {
	try {
		const data = JSON.parse(localStorage.getItem(TEAM_STORAGE_KEY) ?? 'null') as Partial<Membership> | null;
		if (!data || typeof data.key !== 'string' || typeof data.title !== 'string' || typeof data.code !== 'string') return null;
		return { key: data.key, title: data.title, code: data.code, sent: isStrings(data.sent) ? data.sent : [], seen: isStrings(data.seen) ? data.seen : [] };
	} catch {
		return null;
	}
}

/** Keep the membership; false when the browser does not let us store it. */
export function writeMembership(membership: Membership): boolean {
	try {
		localStorage.setItem(TEAM_STORAGE_KEY, JSON.stringify(membership));
		return true;
	} catch {
		return false;
	}
}

/** Forget the session on this device (left, ended or expired). */
export function forgetMembership(): void {
	try {
		localStorage.removeItem(TEAM_STORAGE_KEY);
	} catch {
		// Storage blocked: there was nothing kept either.
	}
}
