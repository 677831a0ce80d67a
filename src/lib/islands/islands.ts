// The islands of a page in plain TypeScript: the server renders each island's whole view (Svelte at
// build time only), and the island's `enhance` wires that markup in place. Nothing is replaced, so
// nothing moves when the code arrives (no layout shift), and no framework runtime is downloaded.
// Adding an island: its props in props.ts, one line here, and a module exporting `enhance`.
// Islands not (yet) listed here are mounted by svelte-islands.ts.
import type { IslandName, IslandProps } from './props';

export interface IslandModule<N extends IslandName> {
	/** Wire the prerendered view of one island; `props` are the island's JSON props. */
	enhance(element: HTMLElement, props: IslandProps[N]): void | Promise<void>;
}

type Loaders = { [N in IslandName]?: () => Promise<IslandModule<N>> };

const loaders: Loaders = {
	// Each exercise type's loader (exercises/<type>/loader.ts) and the quiz score.
	exercise: () => import('$lib/exercises/island'),
	'quiz-score': () => import('$lib/exercises/core/quiz-score')
};

/** Whether a plain-TypeScript island of this name exists. */
export const isPlainIsland = (name: string | undefined): boolean => !!name && name in loaders;

/**
 * Enhance every plain island of the page; resolves when all are wired or failed. The modules load in
 * parallel and are wired in one pass. An island that fails to load keeps its static view and is
 * marked `data-island-failed`.
 */
export async function enhanceIslands(root: ParentNode): Promise<void> {
	const elements = [...root.querySelectorAll<HTMLElement>('[data-island]')].filter((element) => isPlainIsland(element.dataset.island));
	const modules = await Promise.all(
		elements.map((element) => {
			const load = loaders[element.dataset.island as IslandName] as () => Promise<IslandModule<IslandName>>;
			return load().catch(() => (element.setAttribute('data-island-failed', ''), null));
		})
	);
	await Promise.all(
		elements.map(async (element, i) => {
			const module = modules[i];
			if (!module) return;
			const json = element.querySelector(':scope > script[type="application/json"]')?.textContent ?? '{}';
			try {
				await module.enhance(element, JSON.parse(json) as never);
				// Wired: tests (and styles) can tell an island that works from its static view.
				element.setAttribute('data-island-ready', '');
			} catch {
				element.setAttribute('data-island-failed', '');
			}
		})
	);
}
