import { z } from 'zod';
import type { AnswerRecord } from '$lib/exercises/core/types';

/** The version of the stored format. Raise it, and add a migration below, whenever the shape changes. */
export const PROGRESS_VERSION = 1;

const iso = z.string().min(1);
const id = z.string().min(1).max(200);

const answerValue = z.discriminatedUnion('type', [
	z.object({ type: z.literal('reflection'), text: z.string().max(10000) }),
	z.object({ type: z.literal('single-choice'), choice: id.nullable() }),
	z.object({ type: z.literal('multiple-response'), choices: z.array(id) }),
	z.object({ type: z.literal('matching'), pairs: z.record(id, id) }),
	z.object({ type: z.literal('sorting'), placed: z.record(id, id) })
]);

export const answerRecordSchema = z.object({
	value: answerValue,
	attempts: z.number().int().min(0),
	verdict: z.enum(['correct', 'partial', 'incorrect']).optional(),
	revealed: z.boolean().optional(),
	savedAt: iso
}) satisfies z.ZodType<AnswerRecord>;

const sectionVisit = z.object({ visitedAt: iso, endReachedAt: iso.optional() });
export type SectionVisit = z.infer<typeof sectionVisit>;

/** Everything the e-tool keeps about one learner, on the device. */
export const progressSchema = z.object({
	version: z.literal(PROGRESS_VERSION),
	courseId: id,
	updatedAt: iso,
	/** The last section opened, for "Verder waar je was". */
	lastPath: z.string().optional(),
	sections: z.record(z.string(), sectionVisit),
	answers: z.record(id, answerRecordSchema)
});
export type Progress = z.infer<typeof progressSchema>;

export function emptyProgress(courseId: string, now = new Date().toISOString()): Progress {
	return { version: PROGRESS_VERSION, courseId, updatedAt: now, sections: {}, answers: {} };
}

/** A step from one stored version to the next: index 0 turns version 0 into 1, and so on. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 0 is how a draft of the e-tool stored answers before the format had a version:
 * `{ answers: { id: value } }`. It shows how a migration reads an old shape.
 */
export const migrations: Migration[] = [
	(old) => {
		const answers = (old.answers ?? {}) as Record<string, unknown>;
		const at = typeof old.updatedAt === 'string' ? old.updatedAt : new Date(0).toISOString();
		return {
			...old,
			version: 1,
			updatedAt: at,
			sections: old.sections ?? {},
			answers: Object.fromEntries(
				Object.entries(answers).map(([k, value]) => [k, { value, attempts: 0, savedAt: at }])
			)
		};
	}
];

export type ReadResult =
	| { kind: 'ok'; progress: Progress; dropped: number }
	| { kind: 'empty' }
	| { kind: 'corrupt'; reason: string }
	| { kind: 'newer'; version: number };

/**
 * Turn stored text into progress: parse, migrate to the current version, validate.
 * A single unreadable answer is dropped (and counted) rather than losing everything.
 */
export function readProgress(
	raw: string | null,
	courseId: string,
	steps: Migration[] = migrations,
	current: number = PROGRESS_VERSION
): ReadResult {
	if (raw === null || raw === '') return { kind: 'empty' };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return { kind: 'corrupt', reason: 'geen geldige JSON' };
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) return { kind: 'corrupt', reason: 'geen object' };
	let doc = data as Record<string, unknown>;
	const version = doc.version === undefined ? 0 : doc.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
		return { kind: 'corrupt', reason: 'onbekende versie' };
	if (version > current) return { kind: 'newer', version };
	for (let v = version; v < current; v++) {
		const step = steps[v];
		if (!step) return { kind: 'corrupt', reason: `geen migratie van versie ${v}` };
		doc = step(doc);
	}
	doc = { courseId, ...doc };
	// Validate answers one by one so a single bad entry does not cost the rest.
	const answers: Record<string, unknown> = {};
	let dropped = 0;
	const rawAnswers = doc.answers && typeof doc.answers === 'object' ? (doc.answers as Record<string, unknown>) : {};
	for (const [key, record] of Object.entries(rawAnswers)) {
		if (answerRecordSchema.safeParse(record).success) answers[key] = record;
		else dropped++;
	}
	const result = progressSchema.safeParse({ ...doc, answers });
	if (!result.success) return { kind: 'corrupt', reason: result.error.issues[0]?.message ?? 'ongeldig' };
	if (result.data.courseId !== courseId) return { kind: 'empty' };
	return { kind: 'ok', progress: result.data, dropped };
}

/** The newer of two records wins; equal times keep the one we have. */
export function newer(a: AnswerRecord | undefined, b: AnswerRecord): AnswerRecord {
	return a && a.savedAt > b.savedAt ? a : b;
}
