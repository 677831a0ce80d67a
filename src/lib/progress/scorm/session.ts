// One LMS session for a whole visit. The LMS launches `scorm.html` (written by the export): it owns
// the session (initialize once, finish once) and shows the e-tool's pages in a frame below it. Each
// page reads and hands its progress here through the ports the launch page gives it (frame-ports.ts);
// the session merges in the LMS copy, turns progress into suspend_data and CMI values and commits. Kept apart from the DOM so it can be tested against a real runtime (scorm-again).
import { cmiValues, interactions, PASSING_SCORE, passingScore, sessionTime, status } from './cmi';
import { decode, encode, SUSPEND_LIMIT, type Decoded, type ScormVersion } from './codec';
import type { ScormRuntime } from './runtime';
import type { Tracking } from './tracking';
import type { Progress, ReadResult } from '../model';
import { mergeProgress } from '../sync';

/** What a page read from the device (storage.ts `load`). */
export type DeviceCopy = ReadResult | { kind: 'unavailable' };

/** What the learner must be told: the LMS refuses, or reflections are too long for it. */
export type LmsProblem = { kind: 'failed' } | { kind: 'full'; cut: string[] } | null;

export interface ScormSession {
	version: ScormVersion;
	/** The LMS copy as read at the start, or as last saved in this visit; null if there is none. */
	stored(): Decoded | null;
	/**
	 * A page's progress: its device copy with the LMS copy merged in (the newer answer wins), or the
	 * LMS copy when the device has none it can use (another device, cleared or blocked storage).
	 */
	restore(device: DeviceCopy): DeviceCopy;
	/** Where to resume (a section path), as the LMS kept it. */
	location(): string;
	/** Save and commit; after every answer. */
	save(progress: Progress): LmsProblem;
	/** Commit what is there (a page is left). */
	commit(): void;
	/** End the session once (the package is closed): session time, suspend, commit, finish. */
	finish(): void;
}

const SUSPEND = 'cmi.suspend_data';
const locationElement = (v: ScormVersion) => (v === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location');
const timeElement = (v: ScormVersion) => (v === 'scorm12' ? 'cmi.core.session_time' : 'cmi.session_time');

/**
 * Start the session on a runtime (null: no LMS found; the pages then keep the device copy only).
 * `mastery` (0–100) is the passing score the organisation chose at export, if any; a passing score
 * the LMS gives wins (an administrator may set one there, or change the manifest's).
 */
export function startSession(runtime: ScormRuntime | null, tracking: Tracking, options: { mastery?: number; now?: () => number } = {}): { session: ScormSession; problem: LmsProblem } {
	const now = options.now ?? Date.now;
	const started = now();
	const paths = tracking.sections.map((s) => s.path);
	const connected = runtime?.initialize() ?? false;
	const version = runtime?.version ?? 'scorm2004';
	let stored: Decoded | null = connected ? decode(runtime!.get(SUSPEND), tracking.course, paths) : null;
	let order = stored?.order ?? [];
	const location = connected ? runtime!.get(locationElement(version)) : '';
	const mastery = (connected ? passingScore(version, runtime!.get(PASSING_SCORE[version])) : undefined) ?? options.mastery;
	if (connected && version === 'scorm2004' && runtime!.get('cmi.completion_status') === 'unknown') runtime!.set('cmi.completion_status', 'incomplete');
	if (connected && version === 'scorm12' && runtime!.get('cmi.core.lesson_status') === 'not attempted') runtime!.set('cmi.core.lesson_status', 'incomplete');

	const session: ScormSession = {
		version,
		stored: () => stored,
		restore(device) {
			if (!stored || device.kind === 'newer') return device;
			if (device.kind !== 'ok') return { kind: 'ok', progress: stored.progress, dropped: 0 };
			// A reflection the LMS kept only in part never replaces the whole one (same save time, so the device's stays).
			const { progress } = mergeProgress(device.progress, stored.progress);
			return { kind: 'ok', progress: { ...progress, lastPath: progress.lastPath ?? stored.progress.lastPath }, dropped: device.dropped };
		},
		location: () => location,
		save(progress) {
			if (!connected || runtime!.finished) return { kind: 'failed' };
			// A newly checked exercise gets the next interaction index; the order is stored with the data.
			const list = interactions(tracking, progress.answers, order, version);
			order = list.order;
			const data = encode(progress, paths, SUSPEND_LIMIT[version], order);
			let ok = data.fits;
			if (data.fits) ok = runtime!.set(SUSPEND, data.data) && ok;
			for (const [element, value] of [...cmiValues(version, status(tracking, progress, mastery), progress.lastPath), ...list.values]) ok = runtime!.set(element, value) && ok;
			ok = runtime!.commit() && ok;
			if (ok) stored = decode(data.data, tracking.course, paths);
			if (!ok) return { kind: 'failed' };
			return data.cut.length ? { kind: 'full', cut: data.cut } : null;
		},
		commit() {
			if (!connected || runtime!.finished) return;
			runtime!.set(timeElement(version), sessionTime(now() - started, version));
			runtime!.commit();
		},
		finish() {
			if (!connected || runtime!.finished) return;
			runtime!.set(timeElement(version), sessionTime(now() - started, version));
			runtime!.set(version === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit', 'suspend');
			runtime!.commit();
			runtime!.finish();
		}
	};
	return { session, problem: connected ? null : { kind: 'failed' } };
}
