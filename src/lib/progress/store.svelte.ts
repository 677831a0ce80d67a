import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress, type Progress } from './model';
import * as storage from './storage';

/** What the learner must be told about storage; `ok` needs no message. */
export type StorageProblem = 'corrupt' | 'quota' | 'unavailable' | 'newer' | null;

/**
 * The learner's progress in the browser: one reactive copy, written to storage after every change.
 * The server never renders with it (all pages are prerendered), so it is filled in after mount.
 */
class ProgressStore {
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

	#commit(change: (p: Progress) => void): void {
		const now = new Date().toISOString();
		change(this.progress);
		this.progress.updatedAt = now;
		if (this.#readOnly) return;
		const result = storage.save($state.snapshot(this.progress));
		if (result === 'ok') {
			if (this.problem === 'quota' || this.problem === 'unavailable') this.problem = null;
		} else this.problem = result;
	}

	visit(path: string): void {
		this.#commit((p) => {
			p.lastPath = path;
			p.sections[path] ??= { visitedAt: new Date().toISOString() };
		});
	}

	reachEnd(path: string): void {
		if (this.progress.sections[path]?.endReachedAt) return;
		this.#commit((p) => {
			const visit = (p.sections[path] ??= { visitedAt: new Date().toISOString() });
			visit.endReachedAt = new Date().toISOString();
		});
	}

	saveAnswer(id: string, record: AnswerRecord): void {
		this.#commit((p) => {
			p.answers[id] = record;
		});
	}

	/** "Wis mijn gegevens": remove everything on the device and start empty. */
	clear(): void {
		const courseId = this.progress.courseId;
		storage.clear(courseId);
		this.progress = emptyProgress(courseId);
		this.problem = null;
		this.#readOnly = false;
	}

	dismissProblem(): void {
		this.problem = null;
	}
}

export const progressStore = new ProgressStore();
