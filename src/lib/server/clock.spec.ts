import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoNow } from './clock';

describe('isoNow', () => {
	afterEach(() => vi.useRealTimers());

	it('is the time toISOString gives, and follows the clock from one millisecond to the next', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2026-12-01T05:00:00.000Z'));
		expect(isoNow()).toBe('2026-12-01T05:00:00.000Z');
		expect(isoNow()).toBe('2026-12-01T05:00:00.000Z');
		vi.setSystemTime(new Date('2026-12-01T05:00:00.001Z'));
		expect(isoNow()).toBe('2026-12-01T05:00:00.001Z');
		vi.setSystemTime(new Date('2024-02-29T23:59:59.999Z'));
		expect(isoNow()).toBe('2024-02-29T23:59:59.999Z');
	});

	it('equals new Date().toISOString() on the real clock', () => {
		for (let i = 0; i < 1000; i++) {
			const before = Date.now();
			const made = isoNow();
			const after = Date.now();
			expect(Date.parse(made)).toBeGreaterThanOrEqual(before);
			expect(Date.parse(made)).toBeLessThanOrEqual(after);
			expect(new Date(Date.parse(made)).toISOString()).toBe(made);
		}
	});
});
