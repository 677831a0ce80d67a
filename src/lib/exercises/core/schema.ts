import { z } from 'zod';
import { LIMITS } from '$lib/progress/contract';

const kinds: Record<string, string> = {
	string: 'een tekst',
	number: 'een getal',
	int: 'een heel getal',
	array: 'een lijst',
	object: 'een groep velden',
	record: 'een groep velden'
};

/**
 * Dutch messages for the checks zod does itself (missing field, unknown field, wrong kind of
 * value, too few items), so an author never meets an English message. Pass it as `error` to a
 * schema; a message written on a check itself still wins.
 */
export const dutch: z.core.$ZodErrorMap = (issue) => {
	if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value'))
		return 'dit veld ontbreekt';
	switch (issue.code) {
		case 'unrecognized_keys':
			return `onbekend veld ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
		case 'invalid_type':
			return `moet ${kinds[issue.expected] ?? issue.expected} zijn`;
		case 'invalid_value':
			return `moet ${issue.values.map((v) => `"${String(v)}"`).join(' of ')} zijn`;
		case 'too_small':
			return issue.origin === 'array' ? `geef er minstens ${issue.minimum}` : issue.origin === 'string' ? 'mag niet leeg zijn' : `moet minstens ${issue.minimum} zijn`;
		case 'too_big':
			return issue.origin === 'array' ? `geef er hoogstens ${issue.maximum}` : `mag hoogstens ${issue.maximum} zijn`;
		case 'invalid_key':
			return 'ongeldige id: gebruik alleen kleine letters, cijfers en streepjes';
		default:
			return undefined;
	}
};

/**
 * A stable id: saved answers are stored under it, so it survives edits to the text. At most the
 * progress contract's id length, so every answer to it can be stored and synced.
 */
export const stableId = z
	.string({ error: dutch })
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error: 'gebruik alleen kleine letters, cijfers en streepjes (bijv. "vier-factoren")'
	})
	.max(LIMITS.id, { error: `hoogstens ${LIMITS.id} tekens` });

/** A section reference: chapter and section slug without number prefixes, e.g. `inleiding/kansen-en-bedreigingen`. */
export const sectionPath = z.string({ error: dutch }).regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, {
	error: 'schrijf als "hoofdstuk/sectie", zonder nummers, bijv. "inleiding/kansen-en-bedreigingen"'
});

/** Learner-visible text: a non-empty string. */
export const text = z.string({ error: dutch }).trim().min(1, { error: 'mag niet leeg zijn' });

/** Fields every exercise has. */
export const exerciseBase = z.object(
	{
		/** Stable id, unique in the whole e-tool. */
		id: stableId,
		/** Short name, shown in "Mijn antwoorden". */
		title: text,
		/** The question or task, plain text. */
		prompt: text
	},
	{ error: dutch }
);

/** Fields every scored exercise has, on top of {@link exerciseBase}. */
export const scoredBase = exerciseBase.extend({
	/** The section to reread when the answer is not (fully) right. */
	reread: sectionPath.optional(),
	/** General feedback per verdict; the UI has a default for each. */
	feedback: z
		.object({ correct: text.optional(), partial: text.optional(), incorrect: text.optional() }, { error: dutch })
		.strict()
		.optional()
});

/** An option, card or term the learner chooses or places. */
export const choiceItem = z
	.object(
		{
			id: stableId,
			text,
			/** Why this item is right or wrong: shown after checking. */
			feedback: text.optional()
		},
		{ error: dutch }
	)
	.strict();
export type ChoiceItem = z.infer<typeof choiceItem>;

/** Adds an error on `path` when ids in `items` repeat. */
export function uniqueIds(
	items: { id: string }[],
	ctx: z.RefinementCtx,
	field: string
): Set<string> {
	const seen = new Set<string>();
	items.forEach((item, i) => {
		if (seen.has(item.id))
			ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `id "${item.id}" komt twee keer voor` });
		seen.add(item.id);
	});
	return seen;
}

/** Adds an error when `id` is not one of `allowed`, naming what is allowed. */
export function mustName(
	id: string,
	allowed: Set<string>,
	ctx: z.RefinementCtx,
	path: (string | number)[],
	what: string
): void {
	if (!allowed.has(id))
		ctx.addIssue({
			code: 'custom',
			path,
			message: `"${id}" is geen ${what}; kies uit: ${[...allowed].join(', ')}`
		});
}
