import { readProgress, type Progress, type ReadResult } from './model';

export type WriteResult = 'ok' | 'quota' | 'unavailable';

/** Where progress lives in localStorage: one key per e-tool. */
export const storageKey = (courseId: string) => `etool:${courseId}:voortgang`;
/** A corrupt copy is moved here, not thrown away: nothing the learner typed is deleted silently. */
export const backupKey = (courseId: string) => `etool:${courseId}:voortgang-beschadigd`;

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

/** Remove everything this e-tool stored on the device, the backup included. */
export function clear(courseId: string): void {
	const store = storage();
	try {
		store?.removeItem(storageKey(courseId));
		store?.removeItem(backupKey(courseId));
	} catch {
		// Nothing to remove when storage is blocked.
	}
}
