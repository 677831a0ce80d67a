/** One problem in the content, with where it is. */
export interface ContentIssue {
	file: string;
	line?: number;
	/** Field or element, e.g. `options.2.id` or `:::callout`. */
	field?: string;
	message: string;
}

export function formatIssue(issue: ContentIssue): string {
	const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
	return `${where}${issue.field ? ` (${issue.field})` : ''}: ${issue.message}`;
}

/** Thrown when the content cannot be loaded; the message lists every problem found. */
export class ContentError extends Error {
	constructor(readonly issues: ContentIssue[]) {
		super(
			`De inhoud van de e-tool klopt niet (${issues.length} ${issues.length === 1 ? 'fout' : 'fouten'}):\n` +
				issues.map((i) => `  - ${formatIssue(i)}`).join('\n')
		);
		this.name = 'ContentError';
	}
}
