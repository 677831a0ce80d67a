import { describe, expect, it } from 'vitest';
import * as server from '$lib/server/progress-store';
import { CODE_ALPHABET, CODE_LENGTH, codeFromHash, groupCode, normaliseCode, problemFor, qrDataUrl, spellCode } from './resume-code';

describe('resume codes in the browser', () => {
	it('read back every code the server makes', () => {
		expect(CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(60);
		for (let i = 0; i < 20; i++) {
			const code = server.newResumeCode();
			expect(normaliseCode(code)).toBe(server.normaliseCode(code));
			expect(groupCode(normaliseCode(code)!)).toBe(code);
		}
	});

	it('read what a learner typed: case, spaces and dashes do not matter', () => {
		expect(normaliseCode(' abcd efgh-jkmn pq ')).toBe('ABCDEFGHJKMNPQ');
		expect(normaliseCode('ABCD-EFGH-JKMN-P')).toBeNull();
		expect(normaliseCode('ABCD-EFGH-JKMN-PO')).toBeNull(); // O is not in the alphabet
	});

	it('spell a code for a screen reader, group by group', () => {
		expect(spellCode('AB2D-EFGH-JK')).toBe('A B 2 D, E F G H, J K');
	});

	it('take the code from the link, tidied but not trusted', () => {
		expect(codeFromHash('#code=abcdefghjkmnpq')).toBe('ABCD-EFGH-JKMN-PQ');
		expect(codeFromHash('#code=iets')).toBe('iets');
		expect(codeFromHash('#x=1')).toBeNull();
		expect(codeFromHash('')).toBeNull();
	});

	it('turn the QR svg into an image source, never into markup', () => {
		const url = qrDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
		expect(url).not.toMatch(/[<>"]/);
	});

	it('name the problem for each answer', () => {
		expect([404, 429, 0, 500, 400, 'off' as const].map(problemFor)).toEqual(['unknown', 'tooMany', 'offline', 'server', 'server', 'static']);
	});
});
