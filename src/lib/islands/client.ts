// The e-tool's browser code. Pages are prerendered HTML; this file reads the learner's progress
// from the device and mounts the islands the server marked with `data-island`.
import { mount, type Component } from 'svelte';
import HeaderProgress from '$lib/components/HeaderProgress.svelte';
import PrivacyNote from '$lib/components/PrivacyNote.svelte';
import SectionState from '$lib/components/SectionState.svelte';
import StartAction from '$lib/components/StartAction.svelte';
import StorageNotice from '$lib/components/StorageNotice.svelte';
import SyncStatus from '$lib/components/SyncStatus.svelte';
import { progressStore } from '$lib/progress/store.svelte';
import { storageKey } from '$lib/progress/storage';
import { startSync } from '$lib/progress/sync-runtime.svelte';
import type { IslandName } from './props';
import { enhanceTabs } from './tabs';
import { trackSection } from './track-section';

type Loader = () => Promise<Component<never>>;
const now = (c: unknown): Loader => () => Promise.resolve(c as Component<never>);

// Small islands that are on (almost) every page come with this file; larger ones load when a page has them.
const islands: Record<IslandName, Loader> = {
	progress: now(HeaderProgress),
	'storage-notice': now(StorageNotice),
	'section-state': now(SectionState),
	'start-action': now(StartAction),
	'sync-status': now(SyncStatus),
	'privacy-note': now(PrivacyNote),
	exercise: () => import('./ExerciseIsland.svelte').then((m) => m.default as Component<never>),
	answers: () => import('./AnswersIsland.svelte').then((m) => m.default as Component<never>),
	share: () => import('$lib/components/ShareButton.svelte').then((m) => m.default as Component<never>),
	'clear-data': () => import('$lib/components/ClearData.svelte').then((m) => m.default as Component<never>),
	resume: () => import('./ResumeIsland.svelte').then((m) => m.default as Component<never>),

	// Issue 7 (exercises): the quiz score, loaded only on a page with `::quiz-score`.
	'quiz-score': () => import('./QuizScoreIsland.svelte').then((m) => m.default as Component<never>)
};

function start(): void {
	const courseId = document.querySelector<HTMLMetaElement>('meta[name="etool-course"]')?.content ?? 'etool';
	progressStore.load(courseId);
	// Before anything can change progress, so that every change reaches the sync queue.
	startSync(courseId, progressStore);
	// Another tab saved: take its copy, so two open tabs never undo each other's answers.
	addEventListener('storage', (event) => {
		if (event.key === null || event.key === storageKey(courseId)) progressStore.load(courseId);
	});

	for (const element of document.querySelectorAll<HTMLElement>('[data-island]')) {
		const load = islands[element.dataset.island as IslandName];
		if (!load) continue;
		const json = element.querySelector(':scope > script[type="application/json"]')?.textContent ?? '{}';
		load().then(
			(component) => {
				element.replaceChildren();
				mount(component, { target: element, props: JSON.parse(json) as never });
			},
			// The static version stays; the learner is told once, in the page's storage notice region.
			() => element.setAttribute('data-island-failed', '')
		);
	}
	// Buttons that only work with JavaScript stay hidden without it.
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
		button.hidden = false;
		button.addEventListener('click', () => print());
	}
	enhanceTabs(document);
	trackSection(document);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
