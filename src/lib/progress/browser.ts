// The browser channel: progress kept in localStorage, a copy sent to our server when there is one.
// The one place that wires the ports together; the enhancer and the islands both use this
// instance, so a page has one copy of the learner's progress. An export (static, SCORM) swaps the ports in
// place with `useChannel` before anything reads them (decision 9).
//
// Sending is code a text page does not need: the sync runtime loads on a page that has an island
// (exercises, Mijn antwoorden, Verder) or when the learner wipes. A visit recorded on a text page
// is in the device copy, and the runtime's first step on the next such page is a merge with the
// server copy that sends whatever the device knows better: nothing is lost, it only reaches the
// server a page later (docs/decisions/0004-pages-without-a-framework.md).
import { createProgress, noSync, type StoragePort, type SyncPort } from './progress';
import type { ServerSync, SyncState } from './server-sync';
import { localProgressStorage, storageKey } from './storage';

let courseId = '';
let sync: ServerSync | null = null;
let loading: Promise<ServerSync> | null = null;
const syncListeners: ((state: SyncState) => void)[] = [];

const deferredSync: SyncPort = {
	// Before the runtime is loaded the change is only in the device copy; the merge picks it up.
	queueChange: (change) => sync?.queueChange(change),
	deleteCopy: () => loadSync().then((s) => s.deleteCopy())
};

// The ports of this page's channel: the browser's own, unless an export's page plugs in its own
// (`useChannel`, before the progress is read), which replaces their methods in place.
const storage: StoragePort = { ...localProgressStorage };
const channelSync: SyncPort = { ...deferredSync };
let server = true;

export const browserProgress = createProgress({ storage, sync: channelSync });

/**
 * An export's page (`<html data-channel>`: static, scorm12, scorm2004) has no server: its
 * own storage (localStorage unless given) and no sync. Call before `startBrowserProgress`.
 */
export function useChannel(ports: { storage?: StoragePort }): void {
	Object.assign(storage, ports.storage ?? localProgressStorage);
	Object.assign(channelSync, noSync);
	server = false;
}

/** The sync runtime, loaded and started once; every caller gets the same one. */
export function loadSync(): Promise<ServerSync> {
	loading ??= import('./server-sync').then(({ createServerSync, mergeProgress }) => {
		const created = createServerSync();
		for (const listener of syncListeners) created.subscribe(listener);
		created.start(courseId, { mergeRemote: (remote) => browserProgress.mergeRemote(remote, mergeProgress) }, server);
		sync = created;
		return created;
	});
	return loading;
}

/** Follow the sync state once the runtime is there (the header's "Opgeslagen"). */
export function onSync(listener: (state: SyncState) => void): void {
	syncListeners.push(listener);
	sync?.subscribe(listener);
}

/** Read the device copy; idempotent, so whichever script runs first does it. */
export function startBrowserProgress(course: string): void {
	if (courseId) return;
	courseId = course;
	browserProgress.load(courseId);
	// Another tab saved: take its copy, so two open tabs never undo each other's answers.
	addEventListener('storage', (event) => {
		if (event.key === null || event.key === storageKey(courseId)) browserProgress.load(courseId);
	});
}
