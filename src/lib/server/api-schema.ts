import { z } from 'zod';
import { dutch } from '$lib/exercises/core/schema';
import type { AnswerRecord } from '$lib/exercises/core/types';

// The bodies the API accepts (docs/api.md). Unknown fields are dropped, never stored; every known
// field is checked. Messages are Dutch: the browser may show them.

/** Made by the browser once per change, so a retried change is recognised. */
const changeId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'moet 8 tot 64 tekens zijn: letters, cijfers, _ of -' });

/**
 * An ISO time in UTC, stored in one form (`toISOString`) so that comparing the text compares the
 * time: the newer answer wins by this comparison in the database.
 */
const isoTime = z.iso
	.datetime({ error: 'moet een tijd zijn zoals 2026-11-28T10:00:00.000Z' })
	.transform((value) => new Date(value).toISOString());

/** An option, card or term id, as the content defines it. */
const itemId = z.string().min(1, { error: 'mag niet leeg zijn' }).max(100, { error: 'mag hoogstens 100 tekens hebben' });

/** What the learner gave, per exercise type (src/lib/exercises/core/types.ts). */
export const answerValueSchema = z.discriminatedUnion(
	'type',
	[
		z.object({
			type: z.literal('reflection'),
			/** The learner's own text. */
			text: z.string().max(10_000, { error: 'een antwoord mag hoogstens 10.000 tekens hebben' })
		}),
		z.object({ type: z.literal('single-choice'), /** The chosen option, or none. */ choice: itemId.nullable() }),
		z.object({ type: z.literal('multiple-response'), /** The chosen options. */ choices: z.array(itemId).max(100) }),
		z.object({ type: z.literal('matching'), /** Term id → the id of the description placed with it. */ pairs: z.record(itemId, itemId) }),
		z.object({ type: z.literal('sorting'), /** Card id → the id of the category it was placed in. */ placed: z.record(itemId, itemId) })
	],
	{ error: (issue) => (issue.code === 'invalid_union' ? 'moet "reflection", "single-choice", "multiple-response", "matching" of "sorting" zijn' : undefined) }
);

/** One exercise's saved state. */
export const answerRecordSchema = z.object({
	value: answerValueSchema,
	/** How often the learner checked or saved. */
	attempts: z.int().min(0).max(1_000_000),
	/** The verdict of the last check. */
	verdict: z.enum(['correct', 'partial', 'incorrect']).optional(),
	/** The verdict of the first check, never reset by retries: the quiz score counts it. */
	firstVerdict: z.enum(['correct', 'partial', 'incorrect']).optional(),
	/** The learner asked to see the right answer. */
	revealed: z.boolean().optional(),
	/** When the learner last changed it: the newer answer wins. */
	savedAt: isoTime
});

// The schema and the browser's type must not drift apart: this line stops the type check when they do.
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
			exerciseId: z.string().min(1, { error: 'mag niet leeg zijn' }).max(100, { error: 'mag hoogstens 100 tekens hebben' }),
			record: answerRecordSchema
		}),
		z.object({
			id: changeId,
			kind: z.literal('visit'),
			/** The section, as `chapter/section`. */
			path: z.string().min(1, { error: 'mag niet leeg zijn' }).max(200, { error: 'mag hoogstens 200 tekens hebben' }),
			/** When the learner first opened it. */
			visitedAt: isoTime,
			/** When the learner first reached its end. */
			endReachedAt: isoTime.optional()
		})
	],
	{ error: (issue) => (issue.code === 'invalid_union' ? 'moet "answer" of "visit" zijn' : undefined) }
);

/** `POST /api/sync`. */
export const syncBodySchema = z.object({
	changes: z
		.array(changeSchema)
		.min(1, { error: 'geef minstens één wijziging' })
		.max(100, { error: 'stuur hoogstens 100 wijzigingen tegelijk' })
});
export type SyncBody = z.output<typeof syncBodySchema>;

/** `POST /api/resume`. */
export const resumeBodySchema = z.object({
	/** The code as the learner typed it: case, spaces and dashes do not matter. */
	code: z.string().min(1, { error: 'vul de code in' }).max(64, { error: 'een code heeft 14 tekens' })
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
