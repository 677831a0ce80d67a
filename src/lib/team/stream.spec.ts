import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoff, eventParser, follow } from './stream';

describe('reading the event stream', () => {
	it('reads events split anywhere across chunks, skips comments, joins data lines', () => {
		const parse = eventParser();
		expect(parse(': ping\n\nevent: sta')).toEqual([]);
		expect(parse('te\ndata: {"a":1}\n')).toEqual([]);
		expect(parse('\nevent: ended\r\ndata: x\r\n\r\ndata: eins\ndata: zwei\n\n')).toEqual([
			{ event: 'state', data: '{"a":1}' },
			{ event: 'ended', data: 'x' },
			{ event: 'message', data: 'eins\nzwei' }
		]);
	});

	it('waits longer after each failure, at most 15 s', () => {
		expect([1, 2, 3, 4, 5, 9].map(backoff)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
	});

	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('waits as long as a full server asks (429 with Retry-After) before it tries again', async () => {
		vi.useFakeTimers();
		const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'too_many_streams' } }), { status: 429, headers: { 'retry-after': '30' } }));
		vi.stubGlobal('fetch', fetch);
		const states: string[] = [];
		const line = follow('/api/team/session/events', 'k', () => {}, (state) => states.push(state));
		await vi.advanceTimersByTimeAsync(0);
		expect(fetch).toHaveBeenCalledTimes(1);
		expect(states.at(-1)).toBe('lost');
		// The backoff alone would try again after 1 s; the server said 30.
		await vi.advanceTimersByTimeAsync(29_000);
		expect(fetch).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1_500);
		expect(fetch).toHaveBeenCalledTimes(2);
		line.stop();
	});
});
