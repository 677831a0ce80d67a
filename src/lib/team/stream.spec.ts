import { describe, expect, it } from 'vitest';
import { backoff, eventParser } from './stream';

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
});
