// The islands of a page. Loaded by client.ts only on a page that has one, so a text page does not
// download this either.
//
// Plain-TypeScript islands: the server renders each island's whole view (Svelte at build time
// only), and the island's `enhance` wires that markup in place. Nothing is replaced, so nothing
// moves when the code arrives (no layout shift), and no framework runtime is downloaded.
// Adding an island: its props in props.ts, one line in `loaders`, and a module exporting `enhance`.
// Islands not (yet) listed there are mounted by svelte-islands.ts, which loads the Svelte runtime.
import type { IslandName, IslandProps } from './props';

export interface IslandModule<N extends IslandName> {
	/** Wire the prerendered view of one island; `props` are the island's JSON props. */
	enhance(element: HTMLElement, props: IslandProps[N]): void | Promise<void>;
}

type Loaders = { [N in IslandName]?: () => Promise<IslandModule<N>> };

const loaders: Loaders = {
	answers: () => import('./answers'),
	'clear-data': () => import('./clear-data'),
	resume: () => import('./resume')
};

/** Whether a plain-TypeScript island of this name exists. */
export const isPlainIsland = (name: string | undefined): boolean => !!name && name in loaders;

/**
 * Start every island of the page: the plain ones here, the others with Svelte (loaded only when the
 * page has such an island). Resolves when all are wired, mounted or failed.
 */
export function startIslands(root: ParentNode): Promise<unknown> {
	const all = [...root.querySelectorAll<HTMLElement>('[data-island]')];
	const svelte = all.filter((element) => !isPlainIsland(element.dataset.island));
	return Promise.all([
		enhanceIslands(all.filter((element) => isPlainIsland(element.dataset.island))),
		svelte.length
			? import('./svelte-islands').then(
					(m) => m.mountIslands(root),
					() => svelte.forEach((element) => element.setAttribute('data-island-failed', ''))
				)
			: null
	]);
}

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
			try {
				await modules[i]?.enhance(element, islandProps(element) as never);
			} catch {
				element.setAttribute('data-island-failed', '');
			}
		})
	);
}
