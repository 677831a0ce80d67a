// The e-tool's browser code for every page, in plain TypeScript (no framework): it enhances the
// prerendered HTML that is there, in the manner of GOV.UK Frontend. The islands (exercises, quiz
// score, answers, wiping, resuming) load lazily, and only on a page that has them
// (docs/decisions/0004-pages-without-a-framework.md, 0010-svelte-at-build-time-only.md).
import { browserProgress, loadSync, onSync, startBrowserProgress, useChannel } from '$lib/progress/browser';
import { scormPorts } from '$lib/progress/scorm/page';
import { enhanceMenu } from './menu';
import { PAGE_DATA_ID, type PageData } from './page-data';
import { showProgress } from './progress-view';
import { trackSection } from './track-section';

function start(): void {
	const data = JSON.parse(document.getElementById(PAGE_DATA_ID)?.textContent ?? 'null') as PageData | null;
	if (!data) return;
	// An export names its channel (static, scorm12, scorm2004; docs/lms.md): no server, and in an LMS
	// package the ports the launch page around it hands out. Without it, the browser's own channel
	// with our server.
	const channel = document.documentElement.dataset.channel;
	if (channel) useChannel(channel.startsWith('scorm') ? scormPorts() : {});
	enhance(data, !channel);
}

function enhance(data: PageData, server: boolean): void {
	startBrowserProgress(data.course);
	showProgress(document, data, browserProgress);
	// The storage-problem notice and the save status are rare on a text page (a problem with the
	// device's storage; sending only runs on a page with an island): their code loads when needed.
	let notices: Promise<void> | null = null;
	const showNotices = () => (notices ??= import('./notices').then((m) => m.showNotices(document, data, browserProgress, onSync)));
	browserProgress.subscribe(({ problem }) => void (problem && showNotices()));
	onSync(() => void showNotices());
	enhanceMenu(document, data);
	// Tabs and sharing are on a few pages only: their code loads there.
	if (document.querySelector('.tabs[data-tabs]')) void import('./tabs').then((m) => m.enhanceTabs(document));
	if (document.querySelector('[data-share]')) void import('./share').then((m) => m.enhanceShare(document, data));
	// Controls that only work with JavaScript are in the HTML hidden, and shown here.
	for (const element of document.querySelectorAll<HTMLElement>('[data-needs-js]')) element.hidden = false;
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) button.addEventListener('click', () => print());
	trackSection(document, browserProgress);
	// A device in a team session (issue 11): its code loads (and starts itself) only then, and only
	// with our server; as short as can be, since every page carries it (text pages are at 12 KB). The
	// key is TEAM_STORAGE_KEY of team/contract.ts, written out so every page does not load the contract.
	try {
		if (server && localStorage['etool.team']) void import('$lib/team/participant');
	} catch {
		// Storage blocked: no session on this device either.
	}
	// Only the proof page needs this; it loads before the page counts as ready.
	const proof = document.querySelector('[data-proof]') ? import('./proof-view').then((m) => m.showProof(document, browserProgress)) : Promise.resolve();

	// Islands (islands.ts), and the sync that a page where the learner answers needs, load only on a
	// page that has one.
	const hasIsland = !!document.querySelector('[data-island]');
	// Only our own server keeps a copy; an export never asks for one.
	if (hasIsland && server) void loadSync();
	const islands = hasIsland
		? import('./islands').then(
				(m) => m.startIslands(document),
				() => document.querySelectorAll('[data-island]').forEach((element) => element.setAttribute('data-island-failed', ''))
			)
		: null;
	// Tests (and anything else) can wait for this: progress read, everything mounted or failed.
	void Promise.all([proof, islands, notices]).finally(() => (document.documentElement.dataset.etool = 'ready'));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
