import { describe, expect, it } from 'vitest';
import { oneAtATime, queuedKeys } from './serial';

describe('one at a time per key', () => {
	it('runs work of one key strictly in turn, other keys alongside, and forgets a key once its queue is empty, also after a failure', async () => {
		const log: string[] = [];
		const step = (key: string, name: string, ms: number, fail = false) =>
			oneAtATime(key, async () => {
				log.push(`${name}+`);
				await new Promise((r) => setTimeout(r, ms));
				log.push(`${name}-`);
				if (fail) throw new Error(name);
				return name;
			});
		const results = await Promise.allSettled([step('a', 'a1', 30, true), step('a', 'a2', 5), step('b', 'b1', 10)]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
		expect(log.indexOf('a2+')).toBeGreaterThan(log.indexOf('a1-'));
		expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'));
		await new Promise((r) => setTimeout(r, 0));
		expect(queuedKeys()).toBe(0);
	});
});
