// What the launch page (launch.ts) hands each page of the package in its frame: a storage port
// around the page's own device storage (localStorage, storage.ts), tied to the one LMS session of
// the visit. Built here, in the launch page's script, so a page carries no SCORM code at all: it
// only asks for these ports (page.ts; docs/decisions/0013-export-pages-within-budget.md).
import { emptyProgress } from '../model';
import type { StoragePort } from '../progress';
import type { ScormSession } from './session';

/** What the launch page offers the pages in its frame (`window.etoolScorm`, same origin). */
export interface ScormHost {
	/** The ports of a page: `page` is its window, `device` its own device storage. */
	ports(page: Window, device: StoragePort): { storage: StoragePort };
}

/**
 * The device copy first, always: what the LMS refuses or cannot keep stays on the device. Reading
 * merges in what the LMS kept (`session.restore`); every save goes to the LMS and is committed;
 * leaving the page commits. Only the launch page ever finishes the session.
 */
export function framePorts(session: ScormSession, page: Pick<Window, 'addEventListener'>, device: StoragePort): { storage: StoragePort } {
	page.addEventListener('pagehide', () => session.commit());
	return {
		storage: {
			load: (courseId) => session.restore(device.load(courseId)),
			save(progress) {
				const result = device.save(progress);
				session.save(progress);
				return result;
			},
			clear(courseId) {
				device.clear(courseId);
				session.save(emptyProgress(courseId));
			}
		}
	};
}
