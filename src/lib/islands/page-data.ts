// What the server hands the plain enhancer on every page, in one JSON element: the course id and
// only the strings the enhancer shows, so the enhancer never bundles the whole strings file. The
// sections it reads from the side navigation that is in every page (SideNav.svelte).
import type { StringKey } from '$lib/i18n';

export const PAGE_DATA_ID = 'etool-data';

export const enhancerStrings = [
	'progress.summary',
	'progress.state.busy',
	'progress.state.done',
	'storage.corrupt',
	'storage.partial',
	'storage.quota',
	'storage.unavailable',
	'storage.newer',
	'storage.dismiss',
	'sync.saved',
	'sync.waiting',
	'sync.footer',
	'start.resume',
	'start.resumeWhere',
	'share.text',
	'share.copied',
	'share.copyYourself',
	'share.linkLabel',
	'menu.open',
	'menu.close'
] as const satisfies readonly StringKey[];
export type EnhancerString = (typeof enhancerStrings)[number];

export interface PageData {
	/** The e-tool's id: the key its progress is stored under. */
	course: string;
	strings: Record<EnhancerString, string>;
}

/** A string with `{name}` placeholders filled in (the same syntax as i18n's `t`). */
export const fill = (text: string, values: Record<string, string | number>): string =>
	text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
