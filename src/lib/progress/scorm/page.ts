// A page of a SCORM package: progress is kept on the device (localStorage) as always, and handed to
// the LMS session of the launch page (session.ts) around the frame the page is shown in. The device
// copy comes first: whatever the LMS does, nothing the learner did is lost on this device.
import { emptyProgress } from '../model';
import type { StoragePort } from '../progress';
import { localProgressStorage } from '../storage';
// From server-sync, not sync: a second importer of sync.ts would split it off the server-sync chunk
// that every page with an island loads. Only SCORM pages pay for this.
import { mergeProgress } from '../server-sync';
import type { ScormSession } from './session';

declare global {
	interface Window {
		/** Set by the launch page (launch.ts) for the pages in its frame. */
		etoolScorm?: ScormSession;
	}
}

/** The launch page's session, when this page is in its frame (same package, so same origin). */
function findSession(): ScormSession | null {
	try {
		return window.parent !== window ? (window.parent.etoolScorm ?? null) : null;
	} catch {
		return null;
	}
}

export function scormPorts(session = findSession()): { storage: StoragePort } {
	// Leaving a page commits what the LMS has; only the launch page ever finishes.
	addEventListener('pagehide', () => session?.commit());
	const storage: StoragePort = {
		load(courseId) {
			const device = localProgressStorage.load(courseId);
			const lms = session?.stored();
			if (!lms) return device;
			if (device.kind === 'ok') {
				// The newer answer wins; a reflection the LMS kept only in part never replaces the whole one
				// (same save time, so the device's stays).
				const { progress } = mergeProgress(device.progress, lms.progress);
				return { kind: 'ok', progress: { ...progress, lastPath: progress.lastPath ?? lms.progress.lastPath }, dropped: device.dropped };
			}
			// Nothing usable on this device (another device, cleared storage): the LMS copy.
			if (device.kind === 'newer') return device;
			return { kind: 'ok', progress: lms.progress, dropped: 0 };
		},
		save(progress) {
			const result = localProgressStorage.save(progress);
			session?.save(progress);
			return result;
		},
		clear(courseId) {
			localProgressStorage.clear(courseId);
			session?.save(emptyProgress(courseId));
		}
	};
	return { storage };
}
