// The Svelte islands of a page: loaded only when the page has one (client.ts), so text pages
// ship no Svelte runtime. Each island's component loads when a page has that island.
import { mount, type Component } from 'svelte';
import { loadSync } from '$lib/progress/browser';
import type { IslandName } from './props';

type Loader = () => Promise<{ default: unknown }>;

// Exercises and the quiz score are plain islands (islands.ts), without Svelte in the browser.
const islands: Partial<Record<IslandName, Loader>> = {
	answers: () => import('./AnswersIsland.svelte'),
	'clear-data': () => import('$lib/components/ClearData.svelte'),
	resume: () => import('./ResumeIsland.svelte'),
};

/**
 * Mount every island the server marked with `data-island`; resolves when all are mounted or failed.
 * The components load in parallel but are mounted in one pass, after all have loaded: each island
 * replaces its static version in the same frame, so one island that comes in early does not push the
 * static versions of the others down (a layout shift the learner would see).
 */
export async function mountIslands(root: ParentNode): Promise<void> {
	// A page where the learner answers sends what waits, this page's answers included.
	void loadSync();
	const elements = [...root.querySelectorAll<HTMLElement>('[data-island]')].filter((element) => islands[element.dataset.island as IslandName]);
	const loaded = await Promise.all(
		elements.map((element) =>
			islands[element.dataset.island as IslandName]!().then(
				(module) => module.default as Component<never>,
				// The static version stays.
				() => (element.setAttribute('data-island-failed', ''), null)
			)
		)
	);
	elements.forEach((element, i) => {
		const component = loaded[i];
		if (!component) return;
		const json = element.querySelector(':scope > script[type="application/json"]')?.textContent ?? '{}';
		element.replaceChildren();
		mount(component, { target: element, props: JSON.parse(json) as never });
	});
}
