// A page of a SCORM package asks the launch page around its frame for its ports (frame-ports.ts):
// the launch page holds the LMS session and all SCORM code, loaded once per visit, so this is all a
// page carries for the LMS. Opened outside the launch page, the page keeps the device copy only.
import type { StoragePort } from '../progress';
import { localProgressStorage } from '../storage';
import type { ScormHost } from './frame-ports';

declare global {
	interface Window {
		/** Set by the launch page (launch.ts) for the pages in its frame. */
		etoolScorm?: ScormHost;
	}
}

export function scormPorts(): { storage?: StoragePort } {
	try {
		// Without a frame, `parent` is this window, which has no host. Another origin throws.
		return window.parent.etoolScorm?.ports(window, localProgressStorage) ?? {};
	} catch {
		return {};
	}
}
