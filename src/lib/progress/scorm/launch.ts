// The launch page of a SCORM package (`scorm.html`, written by scripts/export/): finds the LMS,
// starts the one session of this visit, shows the e-tool in a frame at the place to resume, tells
// the learner when the LMS cannot keep everything, and finishes the session when the page goes.
import type { ScormVersion } from './codec';
import { framePorts } from './frame-ports';
import { findApi, scormRuntime } from './runtime';
import { startSession, type LmsProblem } from './session';
import { TRACKING_FILE, type Tracking } from './tracking';

const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';

function notices() {
	const shown = new Set<string>();
	let failed = false;
	const show = (kind: string) => {
		const box = document.querySelector<HTMLElement>(`[data-lms-notice="${kind}"]`);
		if (box) box.hidden = false;
	};
	for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lms-notice] button'))
		button.addEventListener('click', () => (button.closest<HTMLElement>('[data-lms-notice]')!.hidden = true));
	return (problem: LmsProblem) => {
		// Told once per reflection that no longer fits, and once per failure (again after it worked).
		if (problem?.kind === 'full' && problem.cut.some((id) => !shown.has(id))) {
			problem.cut.forEach((id) => shown.add(id));
			show('full');
		}
		if (problem?.kind === 'failed' && !failed) show('failed');
		failed = problem?.kind === 'failed';
	};
}

async function launch(): Promise<void> {
	const version = document.documentElement.dataset.channel as ScormVersion;
	const mastery = meta('etool-mastery') ? Number(meta('etool-mastery')) : undefined;
	const tell = notices();
	const frame = document.querySelector<HTMLIFrameElement>('[data-etool-frame]')!;
	let tracking: Tracking;
	try {
		tracking = (await (await fetch(TRACKING_FILE)).json()) as Tracking;
	} catch {
		// Without the course's list nothing can be tracked: the e-tool still opens, on the device only.
		tell({ kind: 'failed' });
		frame.src = 'index.html';
		return;
	}
	const { session, problem } = startSession(scormRuntime(version, findApi(version)), tracking, { mastery });
	tell(problem);
	const save = session.save;
	session.save = (progress) => {
		const result = save(progress);
		tell(result);
		return result;
	};
	window.etoolScorm = { ports: (page, device) => framePorts(session, page, device) };
	addEventListener('pagehide', () => session.finish());

	const resume = session.location();
	frame.src = tracking.sections.some((s) => s.path === resume) ? `${resume}.html` : 'index.html';
	// The frame's title follows the page in it, so a screen reader names the right page.
	frame.addEventListener('load', () => {
		const title = frame.contentDocument?.title;
		if (title) frame.title = document.title = title;
	});
}

void launch();
