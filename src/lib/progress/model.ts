import { isAnswerRecord, isId, isObj, isTime, isVerdict, isVisit, type AnswerRecord, type SectionVisit } from './contract/answers';

// The document the device stores (localStorage, an LMS's suspend_data), its version and its
// migrations. What goes in it, and every limit, is the progress contract (contract/).

/** The version of the stored format. Raise it, and add a migration below, whenever the shape changes. */
export const PROGRESS_VERSION = 1;

/** Everything the e-tool keeps about one learner, on the device. */
export interface Progress {
	version: typeof PROGRESS_VERSION;
	courseId: string;
	updatedAt: string;
	/** The last section opened, for "Verder waar je was". */
	lastPath?: string;
	sections: Record<string, SectionVisit>;
	answers: Record<string, AnswerRecord>;
}
export type { SectionVisit };

/**
 * Records saved before `firstVerdict` existed (or with one we cannot read) stay usable: an
 * unreadable `firstVerdict` is dropped, not the answer; and when the learner checked exactly once,
 * that check's verdict was the first, so it is filled in. Otherwise it stays unknown.
 */
export function withFirstVerdict(r: unknown): unknown {
	if (!isObj(r) || isVerdict(r.firstVerdict)) return r;
	const { firstVerdict: _unreadable, ...rest } = r;
	return rest.attempts === 1 && isVerdict(rest.verdict) ? { ...rest, firstVerdict: rest.verdict } : rest;
}

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
	if (!isId(doc.courseId) || !isTime(doc.updatedAt)) return { kind: 'corrupt', reason: 'kop ontbreekt' };
	if (!isObj(doc.sections) || !Object.values(doc.sections).every(isVisit)) return { kind: 'corrupt', reason: 'secties onleesbaar' };
	if (!isObj(doc.answers)) return { kind: 'corrupt', reason: 'antwoorden onleesbaar' };
	if (doc.lastPath !== undefined && typeof doc.lastPath !== 'string') return { kind: 'corrupt', reason: 'laatste plek onleesbaar' };
	// Keep every readable answer: a single bad entry must not cost the rest.
	const answers: Record<string, AnswerRecord> = {};
	let dropped = 0;
	for (const [key, stored] of Object.entries(doc.answers)) {
		const record = withFirstVerdict(stored);
		if (isId(key) && isAnswerRecord(record)) answers[key] = record;
		else dropped++;
	}
	if (doc.courseId !== courseId) return { kind: 'empty' };
	const progress: Progress = {
		version: PROGRESS_VERSION,
		courseId,
		updatedAt: doc.updatedAt,
		sections: doc.sections as Record<string, SectionVisit>,
		answers
	};
	if (typeof doc.lastPath === 'string') progress.lastPath = doc.lastPath;
	return { kind: 'ok', progress, dropped };
}

/** The newer of two records wins; equal times keep the one we have. */
export function newer(a: AnswerRecord | undefined, b: AnswerRecord): AnswerRecord {
	return a && a.savedAt > b.savedAt ? a : b;
}
