// The learner's progress in the browser, as plain TypeScript: no framework, so a text page can use
// it without the Svelte runtime. Where progress is kept and where changes go are ports, handed in
// by the channel (the browser with localStorage and our server; later an LMS): nothing here is
// module state, so two channels never share a copy.
import { observable } from './observable';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress, type Progress, type ReadResult } from './model';
import type { ChangeData, mergeProgress, RemoteProgress } from './sync';

/** What the learner must be told about storage; null needs no message. */
export type StorageProblem = 'corrupt' | 'partial' | 'quota' | 'unavailable' | 'newer' | null;
export type WriteResult = 'ok' | 'quota' | 'unavailable';
export type DeleteResult = 'off' | 'done' | 'pending' | 'failed';

/** Where the device copy lives (localStorage in the browser, memory in tests, an LMS later). */
export interface StoragePort {
	load(courseId: string): ReadResult | { kind: 'unavailable' };
	save(progress: Progress): WriteResult;
	clear(courseId: string): void;
}

/** Where changes go besides the device: nowhere, our server, an LMS. */
export interface SyncPort {
	/** A change the learner made, to pass on. */
	queueChange(change: ChangeData): void;
	/** "Wis mijn gegevens": the copy elsewhere goes too. */
	deleteCopy(): Promise<DeleteResult>;
}

/** The channel without any copy elsewhere (a static export, a test). */
export const noSync: SyncPort = { queueChange() {}, deleteCopy: () => Promise.resolve('off') };

/** What a view reads. A new object after every change, so a view can compare by reference. */
export interface ProgressSnapshot {
	progress: Progress;
	problem: StorageProblem;
	/** True once the stored copy was read: before that, "not started" may simply be unknown. */
	loaded: boolean;
}

export interface ProgressStore {
	get(): ProgressSnapshot;
	/** Called now and after every change; returns the function that stops it. */
	subscribe(listener: (snapshot: ProgressSnapshot) => void): () => void;
	/** Read the stored copy. Safe to call again (e.g. when another tab changed it). */
	load(courseId: string): void;
	visit(path: string): void;
	reachEnd(path: string): void;
	saveAnswer(id: string, record: AnswerRecord): void;
	/**
	 * Take in a copy from elsewhere (newer answers win, by `merge`) and return what this device knows
	 * better. `merge` is handed in by the sync runtime, so a page that never syncs never loads it.
	 */
	mergeRemote(remote: RemoteProgress, merge: typeof mergeProgress): ChangeData[];
	/** Remove everything on the device at once, then the copy elsewhere. */
	clear(): Promise<DeleteResult>;
	dismissProblem(): void;
}

const now = () => new Date().toISOString();

export function createProgress({ storage, sync = noSync }: { storage: StoragePort; sync?: SyncPort }): ProgressStore {
	const observed = observable<ProgressSnapshot>({ progress: emptyProgress(''), problem: null, loaded: false });
	const { get: current, set } = observed;
	let readOnly = false;

	function saved(progress: Progress): StorageProblem {
		const result = storage.save(progress);
		if (result !== 'ok') return result;
		const { problem } = current();
		return problem === 'quota' || problem === 'unavailable' ? null : problem;
	}

	/** Apply a change to a copy, save it, and pass on what the change says elsewhere. */
	function commit(change: (p: Progress) => ChangeData | void): void {
		const progress = structuredClone(current().progress);
		const news = change(progress);
		progress.updatedAt = now();
		if (readOnly) return set({ progress });
		set({ progress, problem: saved(progress) });
		if (news) sync.queueChange(news);
	}

	return {
		get: observed.get,
		subscribe: observed.subscribe,
		load(courseId) {
			const result = storage.load(courseId);
			readOnly = result.kind === 'newer';
			const empty = emptyProgress(courseId);
			if (result.kind === 'ok') set({ progress: result.progress, problem: result.dropped > 0 ? 'partial' : current().problem, loaded: true });
			else if (result.kind === 'newer' || result.kind === 'corrupt' || result.kind === 'unavailable') set({ progress: empty, problem: result.kind, loaded: true });
			else set({ progress: empty, loaded: true });
		},
		visit(path) {
			commit((p) => {
				p.lastPath = path;
				if (p.sections[path]) return; // only the first visit counts, so elsewhere needs no news
				p.sections[path] = { visitedAt: now() };
				return { kind: 'visit', path, ...p.sections[path] };
			});
		},
		reachEnd(path) {
			if (current().progress.sections[path]?.endReachedAt) return;
			commit((p) => {
				const visit = (p.sections[path] ??= { visitedAt: now() });
				visit.endReachedAt = now();
				return { kind: 'visit', path, ...visit };
			});
		},
		saveAnswer(id, record) {
			commit((p) => {
				p.answers[id] = record;
				return { kind: 'answer', exerciseId: id, record };
			});
		},
		mergeRemote(remote, merge) {
			if (readOnly || !current().loaded) return [];
			const result = merge(structuredClone(current().progress), remote);
			if (result.changed) {
				const progress = { ...result.progress, updatedAt: now() };
				set({ progress, problem: saved(progress) });
			}
			return result.toSend;
		},
		clear() {
			const courseId = current().progress.courseId;
			storage.clear(courseId);
			readOnly = false;
			set({ progress: emptyProgress(courseId), problem: null });
			return sync.deleteCopy();
		},
		dismissProblem: () => set({ problem: null })
	};
}
