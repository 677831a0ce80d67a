// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEAM_STORAGE_KEY } from './contract';
import { forgetMembership, readMembership, writeMembership } from './membership';

describe('the membership on this device', () => {
	beforeEach(() => localStorage.clear());

	it('is kept, read back and forgotten', () => {
		expect(readMembership()).toBeNull();
		expect(writeMembership({ key: 'k'.repeat(22), title: 'Team Noord', code: 'ABCDEF', sent: ['e1'], seen: ['h/s'] })).toBe(true);
		expect(readMembership()).toEqual({ key: 'k'.repeat(22), title: 'Team Noord', code: 'ABCDEF', sent: ['e1'], seen: ['h/s'] });
		forgetMembership();
		expect(readMembership()).toBeNull();
	});

	it('an unreadable one counts as none, and lists it cannot read start empty', () => {
		localStorage.setItem(TEAM_STORAGE_KEY, '{kapot');
		expect(readMembership()).toBeNull();
		localStorage.setItem(TEAM_STORAGE_KEY, JSON.stringify({ key: 'k', title: 'T' }));
		expect(readMembership()).toBeNull();
		localStorage.setItem(TEAM_STORAGE_KEY, JSON.stringify({ key: 'k', title: 'T', code: 'C', sent: 'e1' }));
		expect(readMembership()).toEqual({ key: 'k', title: 'T', code: 'C', sent: [], seen: [] });
	});

	it('is the key the enhancer checks on every page (written out there, to keep the contract off text pages)', () => {
		const client = readFileSync(join(process.cwd(), 'src/lib/islands/client.ts'), 'utf8');
		expect(client).toContain(`localStorage['${TEAM_STORAGE_KEY}']`);
	});
});
