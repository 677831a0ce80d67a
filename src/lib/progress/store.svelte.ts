// The progress store as Svelte islands see it: the same shape as before (progress, loaded, problem,
// saveAnswer, clear), reactive, over the plain store in progress.ts. Only islands that are Svelte
// components load this file, so a text page never ships the Svelte runtime.
import type { AnswerRecord } from '$lib/exercises/core/types';
import { browserProgress } from './browser';
import type { DeleteResult, StorageProblem } from './progress';

export type { StorageProblem } from './progress';

class ProgressStore {
	// Raw: the plain store hands out a new object after every change, never mutates one.
	progress = $state.raw(browserProgress.get().progress);
	problem = $state.raw<StorageProblem>(browserProgress.get().problem);
	loaded = $state.raw(browserProgress.get().loaded);

	constructor() {
		browserProgress.subscribe((s) => {
			this.progress = s.progress;
			this.problem = s.problem;
			this.loaded = s.loaded;
		});
	}

	saveAnswer(id: string, record: AnswerRecord): void {
		browserProgress.saveAnswer(id, record);
	}
	visit(path: string): void {
		browserProgress.visit(path);
	}
	reachEnd(path: string): void {
		browserProgress.reachEnd(path);
	}
	clear(): Promise<DeleteResult> {
		return browserProgress.clear();
	}
	dismissProblem(): void {
		browserProgress.dismissProblem();
	}
}

export const progressStore = new ProgressStore();
