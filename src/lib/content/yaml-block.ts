import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { exerciseSchemas, exerciseTypes, isExerciseType, type Exercise } from '$lib/exercises/schemas';
import type { ContentIssue } from './errors';

type Located = Omit<ContentIssue, 'file'>;

/**
 * Parse YAML and validate it with a zod schema. Each issue names the field and the line in
 * the file where that field stands (`firstLine` is the file line of the YAML's first line).
 */
export function parseYaml<S extends z.ZodType>(
	text: string,
	schemaFor: S | ((data: unknown) => S | Located),
	firstLine: number
): { data: z.infer<S> | null; issues: Located[] } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false });
	const lineAt = (offset: number | undefined) =>
		offset === undefined ? firstLine : firstLine + lineCounter.linePos(offset).line - 1;
	if (doc.errors.length)
		return { data: null, issues: doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: `YAML klopt niet: ${e.message.split('\n')[0]}` })) };
	const data: unknown = doc.toJS();
	const schema = typeof schemaFor === 'function' ? schemaFor(data) : schemaFor;
	if (!('safeParse' in schema)) return { data: null, issues: [{ ...schema, line: lineAt(doc.contents?.range?.[0]) }] };
	const result = schema.safeParse(data);
	if (result.success) return { data: result.data, issues: [] };
	return {
		data: null,
		issues: result.error.issues.map((issue) => {
			const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
			// Point at the deepest part of the path that exists in the YAML.
			let node: unknown = null;
			for (let n = path.length; n >= 0 && !node; n--) node = doc.getIn(path.slice(0, n), true);
			const range = (node as { range?: [number, number, number] } | null)?.range;
			let message = issue.message;
			if (issue.code === 'unrecognized_keys') message = `onbekend veld ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
			if (issue.code === 'invalid_type' && issue.input === undefined) message = 'dit veld ontbreekt';
			return { line: lineAt(range?.[0]), field: path.join('.') || undefined, message };
		})
	};
}

/** Parse an ```exercise block: pick the schema by `type`, then validate. */
export function parseExercise(text: string, firstLine: number): { exercise: Exercise | null; issues: Located[] } {
	const { data, issues } = parseYaml(
		text,
		(data) => {
			const type = (data as { type?: unknown } | null)?.type;
			return isExerciseType(type)
				? (exerciseSchemas[type] as z.ZodType)
				: { field: 'type', message: `onbekend of ontbrekend type${typeof type === 'string' ? ` "${type}"` : ''}; kies uit: ${exerciseTypes.join(', ')}` };
		},
		firstLine
	);
	return { exercise: data as Exercise | null, issues };
}
