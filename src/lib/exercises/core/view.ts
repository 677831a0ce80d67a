import type { Exercise } from '../schemas';

/**
 * What every type's static view (`<type>/View.svelte`, rendered at build time) gets. The view
 * renders the complete interactive UI; the type's loader (`<type>/loader.ts`) wires it in the browser.
 */
export interface ViewProps<E extends Exercise = Exercise> {
	exercise: E;
	/** Level of the headings inside the exercise (verdict, piles, "Vergelijk je antwoord"). */
	headingLevel: number;
	/** "Lees nog eens: …", shown after a check that was not fully right; absent without `reread`. */
	reread?: { href: string; text: string };
}

/** The items with an author's reason, for "Waarom?" (the loader shows those of the marked items). */
export const reasonsOf = (items: { id: string; text: string; feedback?: string }[]): { id: string; text: string; reason: string }[] =>
	items.flatMap((item) => (item.feedback ? [{ id: item.id, text: item.text, reason: item.feedback }] : []));
