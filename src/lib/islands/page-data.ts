// What the server hands the plain enhancer on every page, in one JSON element: the course id and
// only the strings the enhancer shows on that page, so the enhancer never bundles the whole strings
// file and a page carries no sentence it cannot show. The sections it reads from the side navigation
// that is in every page (SideNav.svelte).
import type { StringKey } from '$lib/i18n';

export const PAGE_DATA_ID = 'etool-data';

/** The enhancer's strings, by the pages that need them (page-data.server.ts picks per page). */
export const enhancerStrings = {
	/**
	 * Every page: progress and menu. (A storage problem, which any page can meet, is rare: its
	 * sentences come with the notices module, notices.ts.)
	 */
	page: ['progress.summary', 'progress.state.busy', 'progress.state.done', 'menu.open', 'menu.close'],
	/** The start page: "Verder waar je was". */
	start: ['start.resume', 'start.resumeWhere'],
	/** A page with a share block. */
	share: ['share.text', 'share.copied', 'share.copyYourself', 'share.linkLabel'],
	/** A page with an island: only there the sync runs (client.ts), with its save status and footer. */
	sync: ['sync.saved', 'sync.waiting', 'sync.footer']
} as const satisfies Record<string, readonly StringKey[]>;
export type EnhancerGroup = Exclude<keyof typeof enhancerStrings, 'page'>;
type Strings<G extends keyof typeof enhancerStrings> = Record<(typeof enhancerStrings)[G][number], string>;

export interface PageData {
	/** The e-tool's id: the key its progress is stored under. */
	course: string;
	/** The strings of every page, and those of the groups this page needs (absent elsewhere). */
	strings: Strings<'page'> & Partial<Strings<EnhancerGroup>>;
}

export { fill } from '$lib/i18n/fill';
