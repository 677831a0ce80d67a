// The Svelte islands of a page: loaded only when the page has one (client.ts), so text pages
// ship no Svelte runtime. Each island's component loads when a page has that island.
import { mount, type Component } from 'svelte';
import { loadSync } from '$lib/progress/browser';
import type { IslandName } from './props';

type Loader = () => Promise<{ default: unknown }>;

const islands: Record<IslandName, Loader> = {
	exercise: () => import('./ExerciseIsland.svelte'),
	answers: () => import('./AnswersIsland.svelte'),
	'clear-data': () => import('$lib/components/ClearData.svelte'),
	resume: () => import('./ResumeIsland.svelte'),
	'quiz-score': () => import('./QuizScoreIsland.svelte')
};

/** Mount every island the server marked with `data-island`; resolves when all are mounted or failed. */
export function mountIslands(root: ParentNode): Promise<unknown> {
	// A page where the learner answers sends what waits, this page's answers included.
	void loadSync();
	const all = [...root.querySelectorAll<HTMLElement>('[data-island]')].map((element) => {
		const load = islands[element.dataset.island as IslandName];
		if (!load) return Promise.resolve();
		const json = element.querySelector(':scope > script[type="application/json"]')?.textContent ?? '{}';
		return load().then(
			(module) => {
				element.replaceChildren();
				mount(module.default as Component<never>, { target: element, props: JSON.parse(json) as never });
			},
			// The static version stays.
			() => element.setAttribute('data-island-failed', '')
		);
	});
	return Promise.all(all);
}
