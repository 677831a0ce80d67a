import { z } from 'zod';
import { dutch } from '$lib/exercises/core/schema';
import { CHANGE_ID, CODE_LENGTH, isTime, LIMITS, VERDICTS, type AnswerRecord, type Change } from '$lib/progress/contract';

// The bodies the API accepts (docs/api.md): the progress contract (src/lib/progress/contract/) in
// zod, for one Dutch message per wrong field. Every bound and check comes from the contract, so the
// server takes exactly what the browser stores (contract.spec.ts checks each boundary on both).
// Unknown fields are dropped, never stored. Messages are Dutch: the browser may show them.

const max = (n: number) => n.toLocaleString('nl-NL');

/** Made by the browser once per change, so a retried change is recognised. */
const changeId = z.string().regex(CHANGE_ID, { error: 'moet 8 tot 64 tekens zijn: letters, cijfers, _ of -' });

/**
 * An ISO time in UTC, stored in one form (`toISOString`) so that comparing the text compares the
 * time: the newer answer wins by this comparison in the database.
 */
const isoTime = z
	.string()
	.refine(isTime, { error: 'moet een tijd zijn zoals 2026-11-28T10:00:00.000Z' })
	.transform((value) => new Date(value).toISOString());

const bounded = (limit: number) => z.string().min(1, { error: 'mag niet leeg zijn' }).max(limit, { error: `mag hoogstens ${max(limit)} tekens hebben` });

/** An exercise, option, card, term or pile id, as the content defines it. */
const itemId = bounded(LIMITS.id);

/** Id → id, at most LIMITS.items entries. */
const idMap = z
	.record(itemId, itemId)
	.refine((map) => Object.keys(map).length <= LIMITS.items, { error: `geef er hoogstens ${LIMITS.items}` });

/** What the learner gave, per exercise type (src/lib/exercises/core/types.ts). */
export const answerValueSchema = z.discriminatedUnion(
	'type',
	[
		z.object({
			type: z.literal('reflection'),
			/** The learner's own text. */
			text: z.string().max(LIMITS.text, { error: `een antwoord mag hoogstens ${max(LIMITS.text)} tekens hebben` })
		}),
		z.object({ type: z.literal('single-choice'), /** The chosen option, or none. */ choice: itemId.nullable() }),
		z.object({ type: z.literal('multiple-response'), /** The chosen options. */ choices: z.array(itemId).max(LIMITS.items) }),
		z.object({ type: z.literal('matching'), /** Term id → the id of the description placed with it. */ pairs: idMap }),
		z.object({ type: z.literal('sorting'), /** Card id → the id of the category it was placed in. */ placed: idMap })
	],
	{ error: (issue) => (issue.code === 'invalid_union' ? 'moet "reflection", "single-choice", "multiple-response", "matching" of "sorting" zijn' : undefined) }
);

/** One exercise's saved state. */
export const answerRecordSchema = z.object({
	value: answerValueSchema,
	/** How often the learner checked or saved. */
	attempts: z.int().min(0).max(LIMITS.attempts),
	/** The verdict of the last check. */
	verdict: z.enum(VERDICTS).optional(),
	/** The verdict of the first check, never reset by retries: the quiz score counts it. */
	firstVerdict: z.enum(VERDICTS).optional(),
	/** The learner asked to see the right answer. */
	revealed: z.boolean().optional(),
	/** When the learner last changed it: the newer answer wins. */
	savedAt: isoTime
});

// The schema and the contract's types must not drift apart: these lines stop the type check when they do.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<z.output<typeof answerRecordSchema>, AnswerRecord>;

/** One change from the browser's queue. */
export const changeSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({
			id: changeId,
			kind: z.literal('answer'),
			/** The exercise's stable id from the content. */
			exerciseId: itemId,
			record: answerRecordSchema
		}),
		z.object({
			id: changeId,
			kind: z.literal('visit'),
			/** The section, as `chapter/section`. */
			path: bounded(LIMITS.path),
			/** When the learner first opened it. */
			visitedAt: isoTime,
			/** When the learner first reached its end. */
			endReachedAt: isoTime.optional()
		})
	],
	{ error: (issue) => (issue.code === 'invalid_union' ? 'moet "answer" of "visit" zijn' : undefined) }
);
true satisfies Same<z.output<typeof changeSchema>, Change>;

/** `POST /api/sync`. */
export const syncBodySchema = z.object({
	changes: z
		.array(changeSchema)
		.min(1, { error: 'geef minstens één wijziging' })
		.max(LIMITS.batch, { error: `stuur hoogstens ${LIMITS.batch} wijzigingen tegelijk` })
});
export type SyncBody = z.output<typeof syncBodySchema>;

/** `POST /api/resume`. */
export const resumeBodySchema = z.object({
	/** The code as the learner typed it: case, spaces and dashes do not matter. */
	code: z.string().min(1, { error: 'vul de code in' }).max(LIMITS.typedCode, { error: `een code heeft ${CODE_LENGTH} tekens` })
});

/** The content's Dutch messages, plus the kinds only the API meets. */
const apiDutch: z.core.$ZodErrorMap = (issue) =>
	issue.code === 'invalid_type' && issue.input !== undefined && issue.expected === 'boolean' ? 'moet true of false zijn' : dutch(issue);

/** Parse `input`; on failure one Dutch sentence that names each wrong field ("changes.0.record.savedAt: …"). */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): { data: z.output<S> } | { message: string } {
	const result = schema.safeParse(input, { error: apiDutch });
	if (result.success) return { data: result.data };
	const issues = result.error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
	const more = result.error.issues.length > 5 ? ` (en nog ${result.error.issues.length - 5})` : '';
	return { message: `De gegevens kloppen niet. ${issues.join('; ')}${more}.` };
}
