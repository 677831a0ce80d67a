// suspend_data: the learner's whole progress in the LMS, in few characters, versioned ("E1" + JSON).
// SCORM 1.2 gives 4,096 characters, 2004 gives 64,000. Everything but free text (visits, choices,
// verdicts, times) is small and always kept. Reflections fill what room is left, in reading order;
// one that does not fit is kept as far as it fits and marked, so the learner is told, the full text
// stays in the device copy, and a shorter copy never replaces a longer one (`restore` in storage.ts).
import { isAnswerRecord, type AnswerRecord, type AnswerValue } from '../contract/answers';
import { emptyProgress, type Progress } from '../model';

export const SUSPEND_LIMIT = { scorm12: 4096, scorm2004: 64000 } as const;
export type ScormVersion = keyof typeof SUSPEND_LIMIT;

const PREFIX = 'E1';
const types = { r: 'reflection', s: 'single-choice', m: 'multiple-response', a: 'matching', o: 'sorting' } as const;
const typeCode = Object.fromEntries(Object.entries(types).map(([k, v]) => [v, k])) as Record<AnswerValue['type'], keyof typeof types>;
const verdicts = ['correct', 'partial', 'incorrect'] as const;

/** Seconds since 1970 in base 36 (7 characters for the next decades). */
const time = (iso: string) => Math.round(Date.parse(iso) / 1000).toString(36);
const iso = (t: unknown) => (typeof t === 'string' && /^[0-9a-z]{1,9}$/.test(t) ? new Date(parseInt(t, 36) * 1000).toISOString() : null);

/** One answer: [type, value, attempts, verdict, first verdict, revealed, saved, full length when cut]. */
type Packed = [string, unknown, number, number, number, number, string, number?];

function pack(record: AnswerRecord, text?: string): Packed {
	const v = record.value;
	const value =
		v.type === 'reflection' ? (text ?? v.text) : v.type === 'single-choice' ? v.choice : v.type === 'multiple-response' ? v.choices : v.type === 'matching' ? v.pairs : v.placed;
	const packed: Packed = [typeCode[v.type], value, record.attempts, verdicts.indexOf(record.verdict!), verdicts.indexOf(record.firstVerdict!), record.revealed ? 1 : 0, time(record.savedAt)];
	if (v.type === 'reflection' && text !== undefined && text.length < v.text.length) packed.push(v.text.length);
	return packed;
}

function unpack(p: unknown): { record: AnswerRecord; cut: boolean } | null {
	if (!Array.isArray(p) || !(p[0] in types)) return null;
	const type = types[p[0] as keyof typeof types];
	const key = { reflection: 'text', 'single-choice': 'choice', 'multiple-response': 'choices', matching: 'pairs', sorting: 'placed' }[type];
	const record: Record<string, unknown> = { value: { type, [key]: p[1] }, attempts: p[2], savedAt: iso(p[6]) };
	if (verdicts[p[3]]) record.verdict = verdicts[p[3]];
	if (verdicts[p[4]]) record.firstVerdict = verdicts[p[4]];
	if (p[5] === 1) record.revealed = true;
	return isAnswerRecord(record) ? { record, cut: typeof p[7] === 'number' } : null;
}

/** A short fingerprint of the section list: visits are stored by position, and only read back for the same list. */
export function fingerprint(paths: string[]): string {
	let h = 0;
	for (const c of paths.join('\n')) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
	return (h >>> 0).toString(36);
}

export interface Encoded {
	data: string;
	/** Reflections that did not fit whole (kept as far as they fit). */
	cut: string[];
	/** False only if even the progress without free text does not fit (never with this course). */
	fits: boolean;
}

/**
 * Progress to suspend_data of at most `limit` characters. `sections` is the course's section list
 * (reading order); `order` the exercise ids in the order the LMS got their interactions.
 */
export function encode(progress: Progress, sections: string[], limit: number, order: string[] = []): Encoded {
	const index = new Map(sections.map((path, i) => [path, i]));
	const visits = Object.entries(progress.sections).filter(([path]) => index.has(path));
	const body = {
		u: time(progress.updatedAt),
		h: fingerprint(sections),
		l: progress.lastPath && index.has(progress.lastPath) ? index.get(progress.lastPath) : undefined,
		v: visits.map(([path]) => index.get(path)),
		d: visits.filter(([, v]) => v.endReachedAt).map(([path]) => index.get(path)),
		i: order,
		a: {} as Record<string, Packed>
	};
	const ids = Object.keys(progress.answers);
	const texts = ids.filter((id) => progress.answers[id]!.value.type === 'reflection');
	// First everything without free text, then each reflection as far as it fits.
	for (const id of ids) body.a[id] = pack(progress.answers[id]!, texts.includes(id) ? '' : undefined);
	const size = () => PREFIX.length + JSON.stringify(body).length;
	if (size() > limit) return { data: '', cut: texts, fits: false };
	const cut: string[] = [];
	for (const id of texts) {
		const text = (progress.answers[id]!.value as { text: string }).text;
		body.a[id] = pack(progress.answers[id]!, text);
		if (size() <= limit) continue;
		cut.push(id);
		// The longest start of the text that fits (JSON escapes can make a character count double).
		let low = 0;
		let high = text.length;
		while (low < high) {
			const mid = Math.ceil((low + high) / 2);
			body.a[id] = pack(progress.answers[id]!, text.slice(0, mid));
			if (size() <= limit) low = mid;
			else high = mid - 1;
		}
		body.a[id] = pack(progress.answers[id]!, text.slice(0, low));
	}
	return { data: PREFIX + JSON.stringify(body), cut, fits: true };
}

export interface Decoded {
	progress: Progress;
	/** Reflections kept only in part. */
	cut: string[];
	order: string[];
}

/** suspend_data back to progress; null when it is empty or not ours (another version, damaged). */
export function decode(data: string, courseId: string, sections: string[]): Decoded | null {
	if (!data.startsWith(PREFIX)) return null;
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(data.slice(PREFIX.length));
	} catch {
		return null;
	}
	if (typeof body !== 'object' || body === null) return null;
	const updatedAt = iso(body.u);
	if (!updatedAt) return null;
	const progress = emptyProgress(courseId, updatedAt);
	const cut: string[] = [];
	if (body.h === fingerprint(sections)) {
		const ended = new Set(Array.isArray(body.d) ? body.d : []);
		for (const i of Array.isArray(body.v) ? body.v : []) {
			const path = sections[i as number];
			if (path) progress.sections[path] = ended.has(i) ? { visitedAt: updatedAt, endReachedAt: updatedAt } : { visitedAt: updatedAt };
		}
		if (typeof body.l === 'number' && sections[body.l]) progress.lastPath = sections[body.l];
	}
	for (const [id, packed] of Object.entries(typeof body.a === 'object' && body.a ? body.a : {})) {
		const read = unpack(packed);
		if (!read) continue;
		progress.answers[id] = read.record;
		if (read.cut) cut.push(id);
	}
	const order = Array.isArray(body.i) ? body.i.filter((x): x is string => typeof x === 'string') : [];
	return { progress, cut, order };
}

