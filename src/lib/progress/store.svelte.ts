import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress, type Progress } from './model';
import * as storage from './storage';
import { deleteServerCopy, queueChange, type DeleteResult, type SyncHost } from './sync-runtime.svelte';
import { mergeProgress, type ChangeData, type RemoteProgress } from './sync';

/** What the learner must be told about storage; `ok` needs no message. */
export type StorageProblem = 'corrupt' | 'partial' | 'quota' | 'unavailable' | 'newer' | null;

/**
 * The learner's progress in the browser: one reactive copy, written to storage after every change.
 * The server never renders with it (all pages are prerendered), so it is filled in after mount.
 * Each change is also handed to the sync queue: the device stays the first copy, a server (when
 * there is one) the second.
 */
class ProgressStore implements SyncHost {
	progress = $state<Progress>(emptyProgress(''));
	problem = $state<StorageProblem>(null);
	/** True once the stored copy has been read: before that, "not started" may simply be unknown. */
	loaded = $state(false);
	#readOnly = false;

	/** Read the stored copy. Safe to call again (e.g. when another tab changed it). */
	load(courseId: string): void {
		const result = storage.load(courseId);
		this.#readOnly = false;
		switch (result.kind) {
			case 'ok':
				this.progress = result.progress;
				if (result.dropped > 0) this.problem = 'partial';
				break;
			case 'newer':
				this.#readOnly = true;
				this.problem = 'newer';
				this.progress = emptyProgress(courseId);
				break;
			case 'corrupt':
			case 'unavailable':
				this.problem = result.kind;
				this.progress = emptyProgress(courseId);
				break;
			default:
				this.progress = emptyProgress(courseId);
		}
		this.loaded = true;
	}

	/** Apply a change, save it, and queue `sync` (what the server should hear of it) when given. */
	#commit(change: (p: Progress) => ChangeData | void): void {
		const now = new Date().toISOString();
		const sync = change(this.progress);
		this.progress.updatedAt = now;
		if (this.#readOnly) return;
		this.#save();
		if (sync) queueChange($state.snapshot(sync) as ChangeData);
	}

	#save(): void {
		const result = storage.save($state.snapshot(this.progress));
		if (result === 'ok') {
			if (this.problem === 'quota' || this.problem === 'unavailable') this.problem = null;
		} else this.problem = result;
	}

	visit(path: string): void {
		this.#commit((p) => {
			p.lastPath = path;
			if (p.sections[path]) return; // only the first visit counts, so the server needs no news
			p.sections[path] = { visitedAt: new Date().toISOString() };
			return { kind: 'visit', path, ...p.sections[path] };
		});
	}

	reachEnd(path: string): void {
		if (this.progress.sections[path]?.endReachedAt) return;
		this.#commit((p) => {
			const visit = (p.sections[path] ??= { visitedAt: new Date().toISOString() });
			visit.endReachedAt = new Date().toISOString();
			return { kind: 'visit', path, ...visit };
		});
	}

	saveAnswer(id: string, record: AnswerRecord): void {
		this.#commit((p) => {
			p.answers[id] = record;
			return { kind: 'answer', exerciseId: id, record };
		});
	}

	/**
	 * Take in the server's copy (newer answers win, the first visits count) and return what this
	 * device knows better, for the sync queue. A copy written by a newer version is left alone.
	 */
	mergeRemote(remote: RemoteProgress): ChangeData[] {
		if (this.#readOnly || !this.loaded) return [];
		const result = mergeProgress($state.snapshot(this.progress), remote);
		if (result.changed) {
			this.progress = { ...result.progress, updatedAt: new Date().toISOString() };
			this.#save();
		}
		return result.toSend;
	}

	/** "Wis mijn gegevens": remove everything on the device at once, then the server's copy. */
	clear(): Promise<DeleteResult> {
		const courseId = this.progress.courseId;
		storage.clear(courseId);
		this.progress = emptyProgress(courseId);
		this.problem = null;
		this.#readOnly = false;
		return deleteServerCopy();
	}

	dismissProblem(): void {
		this.problem = null;
	}
}

export const progressStore = new ProgressStore();
