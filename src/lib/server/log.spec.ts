import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushLog, logRequest, requestLine } from './log';

// The request line is built by hand (log.ts); it must be exactly what JSON.stringify of the fields
// gave, for any path a client can send: a log collector parses it as one JSON object per line.
const stringified = (time: string, method: string, path: string, status: number, ms: number, requestId: string, aborted: boolean) =>
	JSON.stringify({ time, method, path, status, ms, requestId, ...(aborted ? { aborted: true } : {}) });

/** A small seeded generator (mulberry32), so a failure can be repeated. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Plain path characters and everything JSON treats specially: quotes, backslashes, every control
// character, DEL, non-ASCII, a surrogate pair (emoji), lone surrogates, the line separators.
const PIECES = [
	...'/api/sync-_.~%?=&abcXYZ019 ',
	'"',
	'\\',
	...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
	'\u007f',
	'é',
	'ß',
	'€',
	'😀',
	'\ud800',
	'\udbff',
	'\udc00',
	'\udfff',
	'\u2028',
	'\u2029',
	'\ufeff',
	'</script>'
];

describe('requestLine', () => {
	it('gives exactly the JSON.stringify line for many generated paths and methods', () => {
		const next = random(9);
		const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
		const text = (max: number) => Array.from({ length: Math.floor(next() * max) }, () => pick(PIECES)).join('');
		for (let i = 0; i < 5000; i++) {
			const args = [
				'2026-12-01T05:00:00.123Z',
				i % 3 ? pick(['GET', 'POST', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']) : text(8),
				i % 5 ? `/${text(40)}` : text(20),
				pick([200, 204, 400, 404, 413, 429, 500, 503]),
				pick([0, 0.1, 1.5, 12.3, 1234.5, 99999.9, Math.round(next() * 1e5) / 10]),
				i % 7 ? crypto.randomUUID() : text(10),
				next() < 0.2
			] as const;
			expect(requestLine(...args)).toBe(stringified(...args));
		}
	});

	it('escapes the hostile cases the same way, and stays one line that parses back', () => {
		const hostile = ['/a"b', '/a\\b', '/\\"', '/\n{"status":200}', '/\r\t\b\f', '/\u0000\u001f', '/\ud800x', '/x\udc00', '/😀\ud83d', '/\u2028\u2029', '/é/€', ''];
		for (const path of hostile) {
			const line = requestLine('2026-12-01T05:00:00.000Z', 'GET', path, 404, 0.4, 'id"\\', true);
			expect(line).toBe(stringified('2026-12-01T05:00:00.000Z', 'GET', path, 404, 0.4, 'id"\\', true));
			expect(line).not.toMatch(/[\n\r]/);
			expect(JSON.parse(line)).toMatchObject({ path, aborted: true });
		}
	});

	it('writes non-finite numbers as JSON.stringify does (null)', () => {
		for (const n of [NaN, Infinity, -Infinity, -0])
			expect(requestLine('t', 'GET', '/', n, n, 'r', false)).toBe(stringified('t', 'GET', '/', n, n, 'r', false));
	});
});

describe('logRequest', () => {
	afterEach(() => vi.restoreAllMocks());

	it('writes one JSON object per line, with the time first', () => {
		const written: string[] = [];
		vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
		flushLog();
		logRequest('POST', '/api/sync', 200, 1.2, 'r1', false);
		logRequest('GET', '/a"\n', 499, 30000, 'r2', true);
		flushLog();
		const lines = written.join('').split('\n');
		expect(lines.pop()).toBe('');
		expect(lines).toHaveLength(2);
		const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(Object.keys(first!)).toEqual(['time', 'method', 'path', 'status', 'ms', 'requestId']);
		expect(first).toMatchObject({ method: 'POST', path: '/api/sync', status: 200, ms: 1.2, requestId: 'r1' });
		expect(new Date(first!.time as string).toISOString()).toBe(first!.time);
		expect(second).toMatchObject({ path: '/a"\n', status: 499, aborted: true });
	});
});
