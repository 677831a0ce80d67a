export interface Bar {
	label: string;
	text: string;
	/** Baseline of the label above the bar. */
	labelY: number;
	y: number;
	width: number;
	height: number;
}

/** Width of the drawing in SVG units: about a phone's width, so 14-unit text stays readable there. */
export const CHART_WIDTH = 340;

/**
 * Positions for a horizontal bar chart: each label on its own line above its bar, so long labels
 * never squeeze the bars on a narrow screen. Bars start at zero (a cut-off axis would exaggerate),
 * and percentages are drawn against 100.
 */
export function barLayout(data: { label: string; value: number }[], unit: string) {
	const valueRoom = 56;
	const labelHeight = 20;
	const barHeight = 22;
	const gap = 14;
	const row = labelHeight + barHeight + gap;
	const max = Math.max(...data.map((d) => d.value), unit === '%' ? 100 : 0) || 1;
	const bars: Bar[] = data.map((d, i) => ({
		label: d.label,
		text: `${d.value.toLocaleString('nl-NL')}${unit}`,
		labelY: i * row + 15,
		y: i * row + labelHeight,
		width: Math.max(0, (d.value / max) * (CHART_WIDTH - valueRoom)),
		height: barHeight
	}));
	return { width: CHART_WIDTH, height: Math.max(1, data.length * row - gap), bars };
}
