export interface Bar {
	label: string;
	text: string;
	y: number;
	width: number;
	height: number;
}

/**
 * Positions for a horizontal bar chart in a fixed viewBox; the SVG scales to the screen.
 * Bars start at zero: a truncated axis would exaggerate differences.
 */
export function barLayout(data: { label: string; value: number }[], unit: string) {
	const width = 600;
	const labelWidth = Math.min(260, 16 + 8 * Math.max(...data.map((d) => d.label.length), 4));
	const valueRoom = 70;
	const barHeight = 28;
	const gap = 14;
	const max = Math.max(...data.map((d) => d.value), unit === '%' ? 100 : 0) || 1;
	const bars: Bar[] = data.map((d, i) => ({
		label: d.label,
		text: `${d.value.toLocaleString('nl-NL')}${unit}`,
		y: i * (barHeight + gap),
		width: Math.max(0, (d.value / max) * (width - labelWidth - valueRoom)),
		height: barHeight
	}));
	return { width, height: Math.max(1, data.length * (barHeight + gap) - gap), labelWidth, bars };
}
