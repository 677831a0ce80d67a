// The browser channel: progress kept in localStorage, a copy sent to our server when there is one.
// The one place that wires the ports together; the enhancer and the Svelte islands both use this
// instance, so a page has one copy of the learner's progress. Another channel (an LMS package)
// wires its own ports instead.
import { createProgress } from './progress';
import { createServerSync } from './server-sync';
import { localProgressStorage, storageKey } from './storage';

export const serverSync = createServerSync();
export const browserProgress = createProgress({ storage: localProgressStorage, sync: serverSync });

/** Read the device copy and start sync; idempotent, so whichever script runs first does it. */
let started = false;
export function startBrowserProgress(courseId: string): void {
	if (started) return;
	started = true;
	browserProgress.load(courseId);
	// Before anything can change progress, so that every change reaches the sync queue.
	serverSync.start(courseId, browserProgress);
	// Another tab saved: take its copy, so two open tabs never undo each other's answers.
	addEventListener('storage', (event) => {
		if (event.key === null || event.key === storageKey(courseId)) browserProgress.load(courseId);
	});
}
