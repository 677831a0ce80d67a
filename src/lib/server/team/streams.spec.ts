import { describe, expect, it } from 'vitest';
import { StreamCaps, streamLimitsFromEnv } from './streams';

describe('stream caps', () => {
	it('refuses past the cap per session, per address group and in all, and a place given back (once) can be taken again', () => {
		const caps = new StreamCaps({ perSession: 2, perAddress: 3, total: 4 });
		const a1 = caps.take('s1', 'x');
		const a2 = caps.take('s1', 'y');
		expect(typeof a1).toBe('object');
		expect(typeof a2).toBe('object');
		expect(caps.take('s1', 'z')).toBe('session');
		caps.take('s2', 'x');
		caps.take('s3', 'x');
		expect(caps.take('s4', 'x')).toBe('address');
		expect(caps.count()).toBe(4);
		expect(caps.take('s5', 'w')).toBe('total');
		if (typeof a1 === 'string') throw new Error('a1');
		a1.release();
		a1.release(); // a second release gives nothing back twice
		expect(caps.count()).toBe(3);
		expect(caps.count('s1')).toBe(1);
		expect(typeof caps.take('s1', 'w')).toBe('object');
		expect(caps.take('s6', 'w')).toBe('total');
	});

	it('reads its limits from the environment, with defaults for missing or nonsense values', () => {
		expect(streamLimitsFromEnv({})).toEqual({ perSession: 10, perAddress: 20, total: 200 });
		expect(streamLimitsFromEnv({ TEAM_STREAMS_PER_SESSION: '4', TEAM_STREAMS_PER_ADDRESS: '-1', TEAM_STREAMS_TOTAL: 'veel' })).toEqual({ perSession: 4, perAddress: 20, total: 200 });
	});
});
