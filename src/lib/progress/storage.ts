import { readProgress, type Progress, type ReadResult } from './model';
import type { StoragePort, WriteResult } from './progress';

/** Where progress lives in localStorage: one key per e-tool. */
export const storageKey = (courseId: string) => `etool:${courseId}:voortgang`;
/** A corrupt copy is moved here, not thrown away: nothing the learner typed is deleted silently. */
export const backupKey = (courseId: string) => `etool:${courseId}:voortgang-beschadigd`;
/** Changes that still have to reach the server (sync.ts), kept apart so a reload or crash loses none. */
export const queueKey = (courseId: string) => `etool:${courseId}:wachtrij`;
/** Set while "Wis mijn gegevens" could not yet delete the server copy; retried until it can. */
export const deleteKey = (courseId: string) => `etool:${courseId}:server-wissen`;
/**
 * Set once the server knows this browser (its cookie is httpOnly, so the page cannot see it).
 * Without it there is nothing to fetch, and no request that can only answer 404.
 */
export const serverKey = (courseId: string) => `etool:${courseId}:server-kopie`;

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null; // access itself can throw when storage is blocked
	}
}

function isQuota(error: unknown): boolean {
	return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22);
}

/** Read and migrate progress; a corrupt value is backed up and removed so the learner starts clean. */
export function load(courseId: string): ReadResult | { kind: 'unavailable' } {
	const store = storage();
	if (!store) return { kind: 'unavailable' };
	let raw: string | null;
	try {
		raw = store.getItem(storageKey(courseId));
	} catch {
		return { kind: 'unavailable' };
	}
	const result = readProgress(raw, courseId);
	// Some answers could not be read and will be gone at the next save: keep the original first.
	if (result.kind === 'ok' && result.dropped > 0 && raw !== null) {
		try {
			store.setItem(backupKey(courseId), raw);
		} catch {
			// No room for a copy; the readable answers are still loaded.
		}
	}
	if (result.kind === 'corrupt' && raw !== null) {
		try {
			store.setItem(backupKey(courseId), raw);
			store.removeItem(storageKey(courseId));
		} catch {
			// Could not back up: leave the original where it is rather than lose it.
		}
	}
	return result;
}

export function save(progress: Progress): WriteResult {
	const store = storage();
	if (!store) return 'unavailable';
	try {
		store.setItem(storageKey(progress.courseId), JSON.stringify(progress));
		return 'ok';
	} catch (error) {
		return isQuota(error) ? 'quota' : 'unavailable';
	}
}

/** Remove everything this e-tool stored on the device, the backup and the sync queue included. */
export function clear(courseId: string): void {
	for (const key of [storageKey(courseId), backupKey(courseId), queueKey(courseId)]) write(key, null);
}

/** The browser's storage port for progress (see progress.ts). */
export const localProgressStorage: StoragePort = { load, save, clear };

/** A plain value under its own key, or null; null also when storage is blocked. */
export function read(key: string): string | null {
	try {
		return storage()?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

/** Store a value, or remove the key for null (so an empty queue leaves no trace). False when it failed. */
export function write(key: string, value: string | null): boolean {
	const store = storage();
	try {
		if (value === null) store?.removeItem(key);
		else store?.setItem(key, value);
		return !!store;
	} catch {
		return false;
	}
}
