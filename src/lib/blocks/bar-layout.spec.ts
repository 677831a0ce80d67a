import { describe, expect, it } from 'vitest';
import { barLayout } from './bar-layout';

describe('barLayout', () => {
	it('draws percentages against 100, starting at zero, in Dutch number format', () => {
		const { bars, max } = barLayout([{ label: 'NL', value: 79 }, { label: 'EU', value: 58.5 }], '%');
		expect(max).toBe(100);
		expect(bars.map((b) => b.text)).toEqual(['79%', '58,5%']);
	});

	it('draws other numbers against the largest one', () => {
		const { max, bars } = barLayout([{ label: 'a', value: 1200 }, { label: 'b', value: 300 }], '');
		expect(max).toBe(1200);
		expect(bars.map((b) => b.text)).toEqual(['1.200', '300']);
	});
});
