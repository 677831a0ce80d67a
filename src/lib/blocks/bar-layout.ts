export interface Bar {
	label: string;
	value: number;
	/** The value as the learner reads it, in Dutch number format with its unit. */
	text: string;
}

/**
 * The scale of a horizontal bar chart: bars start at zero (a cut-off axis would exaggerate), and
 * percentages are drawn against 100.
 */
export function barLayout(data: { label: string; value: number }[], unit: string): { max: number; bars: Bar[] } {
	const max = Math.max(...data.map((d) => d.value), unit === '%' ? 100 : 0) || 1;
	return { max, bars: data.map((d) => ({ label: d.label, value: d.value, text: `${d.value.toLocaleString('nl-NL')}${unit}` })) };
}
