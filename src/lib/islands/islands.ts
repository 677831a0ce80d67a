// The islands of a page. Loaded by client.ts only on a page that has one, so a text page does not
// download this either.
//
// Plain-TypeScript islands: the server renders each island's whole view (Svelte at build time
// only), and the island's `enhance` wires that markup in place. Nothing is replaced, so nothing
// moves when the code arrives (no layout shift), and no framework runtime is downloaded.
// Adding an island: its props in props.ts, one line in `loaders`, and a module exporting `enhance`.
// No island loads a framework runtime (decision 10).
import type { IslandName, IslandProps } from './props';

export interface IslandModule<N extends IslandName> {
	/** Wire the prerendered view of one island; `props` are the island's JSON props. */
	enhance(element: HTMLElement, props: IslandProps[N]): void | Promise<void>;
}

type Loaders = { [N in IslandName]?: () => Promise<IslandModule<N>> };

const loaders: Loaders = {
	answers: () => import('./answers'),
	'clear-data': () => import('./clear-data'),
	resume: () => import('./resume'),
	// Each exercise type's loader (exercises/<type>/loader.ts) and the quiz score.
	exercise: () => import('./exercise'),
	'quiz-score': () => import('./quiz-score'),
	// Issue 11: the team pages (only on our server).
	'team-start': () => import('./team-start'),
	'team-join': () => import('./team-join'),
	'team-panel': () => import('./team-panel'),
	'team-board': () => import('./team-board'),
	'team-summary': () => import('./team-summary')
};

/**
 * Start every island of the page. Resolves when all are wired or failed.
 */
export const startIslands = (root: ParentNode): Promise<void> => enhanceIslands([...root.querySelectorAll<HTMLElement>('[data-island]')].filter((element) => element.dataset.island! in loaders));

/** The island's JSON props (Island.svelte writes them as its first child). */
export const islandProps = (element: HTMLElement): unknown => JSON.parse(element.querySelector(':scope > script[type="application/json"]')?.textContent ?? '{}');

/**
 * Enhance plain islands; resolves when all are wired or failed. The modules load in parallel and
 * are wired in one pass. An island that fails to load keeps its static view and is marked
 * `data-island-failed`.
 */
async function enhanceIslands(elements: HTMLElement[]): Promise<void> {
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
			try {
				await module.enhance(element, islandProps(element) as never);
				// Wired: tests (and styles) can tell an island that works from its static view.
				element.setAttribute('data-island-ready', '');
			} catch {
				element.setAttribute('data-island-failed', '');
			}
		})
	);
}
