import { describe, expect, it } from 'vitest';
import { barLayout, CHART_WIDTH } from './bar-layout';

describe('barLayout', () => {
	it('draws percentages against 100, starting at zero, in Dutch number format', () => {
		const { bars } = barLayout([{ label: 'NL', value: 79 }, { label: 'EU', value: 58.5 }], '%');
		expect(bars[0]!.width / bars[1]!.width).toBeCloseTo(79 / 58.5);
		expect(bars[0]!.width).toBeLessThan(CHART_WIDTH * 0.8);
		expect(bars.map((b) => b.text)).toEqual(['79%', '58,5%']);
	});

	it('puts each bar below its own label, without overlap', () => {
		const { bars, height } = barLayout([{ label: 'a', value: 1 }, { label: 'b', value: 2 }, { label: 'c', value: 3 }], '');
		for (const [i, bar] of bars.entries()) {
			expect(bar.labelY).toBeLessThan(bar.y);
			if (i > 0) expect(bar.labelY).toBeGreaterThan(bars[i - 1]!.y + bars[i - 1]!.height);
		}
		expect(height).toBeGreaterThanOrEqual(bars[2]!.y + bars[2]!.height);
		expect(bars[2]!.width).toBeGreaterThan(bars[0]!.width);
	});
});
