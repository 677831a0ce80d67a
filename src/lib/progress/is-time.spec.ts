import { describe, expect, it } from 'vitest';
import { isTime } from './contract';

// isTime reads the digits itself (contract/answers.ts); before, it parsed the text and formatted it
// back with toISOString, which a save paid for on every answer. This is that earlier check, as it
// was: the new one must agree with it on every string.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
function formattedBack(x: unknown): boolean {
	if (typeof x !== 'string' || !ISO_TIME.test(x)) return false;
	const time = Date.parse(x);
	return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === x.slice(0, 19);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const stamp = (y: number, mo: number, d: number, h: number, mi: number, s: number, rest = 'Z') => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${rest}`;

describe('isTime', () => {
	it('agrees with formatting the time back, on every day of leap and common years and at each field boundary', () => {
		const cases: string[] = [];
		for (const y of [0, 1, 4, 100, 400, 1900, 1970, 2000, 2023, 2024, 2026, 2100, 9999])
			for (let mo = 0; mo <= 13; mo++) for (let d = 0; d <= 32; d++) cases.push(stamp(y, mo, d, 12, 0, 0));
		for (const h of [0, 1, 9, 10, 19, 20, 23, 24, 25, 29, 30, 99])
			for (const mi of [0, 59, 60, 99]) for (const s of [0, 59, 60, 61, 99]) cases.push(stamp(2024, 2, 29, h, mi, s), stamp(2023, 12, 31, h, mi, s, '.999Z'), stamp(2026, 6, 15, h, mi, s, '.5Z'));
		for (const c of cases) expect(isTime(c), c).toBe(formattedBack(c));
		// The cases the brief of this check names, each with its verdict spelled out.
		expect(isTime('2024-02-29T00:00:00.000Z')).toBe(true);
		expect(isTime('2023-02-29T00:00:00.000Z')).toBe(false);
		expect(isTime('2026-04-31T00:00:00.000Z')).toBe(false);
		expect(isTime('2026-04-30T24:00:00Z')).toBe(false);
		expect(isTime('2026-06-15T24:00:00.000Z')).toBe(false);
		expect(isTime('2026-12-31T23:59:60Z')).toBe(false);
		expect(isTime('2026-12-31T23:59:59Z')).toBe(true);
		expect(cases.filter((c) => isTime(c)).length).toBeGreaterThan(1000);
	});

	it('agrees on fractions, other forms and non-strings', () => {
		const base = '2026-03-31T23:59:59';
		const cases: unknown[] = ['', 'Z', base, `${base}Z`, `${base}.Z`, `${base}.0000000000Z`, `${base}+00:00`, `${base}.000+01:00`, `${base}z`, `${base}.5z`, ` ${base}Z`, `${base}Z `, `${base}Z\n`];
		for (let digits = 1; digits <= 10; digits++) cases.push(`${base}.${'9'.repeat(digits)}Z`, `${base}.${'0'.repeat(digits)}Z`);
		cases.push('2026-3-31T23:59:59Z', '26-03-31T23:59:59Z', '2026-03-31 23:59:59Z', '2026-03-31t23:59:59Z', '+02026-03-31T23:59:59Z', '-0001-01-01T00:00:00Z', '2026-03-31T23:59Z', '２０２６-03-31T23:59:59Z');
		cases.push(null, undefined, 0, Date.now(), new Date(), {}, ['2026-03-31T23:59:59Z']);
		for (const c of cases) expect(isTime(c), String(c)).toBe(formattedBack(c));
	});

	it('agrees on many generated strings of the right form and of nearly the right form', () => {
		let seed = 5;
		const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
		const digit = () => String(Math.floor(next() * 10));
		const upTo = (n: number) => Math.floor(next() * (n + 1));
		for (let i = 0; i < 20_000; i++) {
			// Each field just inside or just outside its range: day 0-32, hour 0-25, seconds 0-61, …
			let text = stamp(upTo(9999), upTo(13), upTo(32), upTo(25), upTo(61), upTo(61), '');
			if (next() < 0.3) text += `.${Array.from({ length: 1 + Math.floor(next() * 9) }, digit).join('')}`;
			text += 'Z';
			// Now and then one character replaced by something else: the form must fail the same way.
			if (next() < 0.1) {
				const at = Math.floor(next() * text.length);
				text = text.slice(0, at) + '0-:T.Z x'[Math.floor(next() * 8)] + text.slice(at + 1);
			}
			expect(isTime(text), text).toBe(formattedBack(text));
		}
		// Real moments, as toISOString writes them, over four centuries.
		for (let i = 0; i < 20_000; i++) {
			const text = new Date(Math.floor(next() * 4 * 3.2e12) - 3.2e12).toISOString();
			expect(isTime(text), text).toBe(true);
		}
	});
});
