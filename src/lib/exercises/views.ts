// The static views of the exercise types, for the server only (Svelte at build time): each type's
// `<type>/View.svelte` renders its whole interactive UI, and says which strings its loader needs.
// Found by folder, like the loaders (islands/exercise.ts): adding a type is its folder and its schema in schemas.ts.
import type { Component } from 'svelte';
import { exercisesIn } from '$lib/content/blocks';
import type { Block } from '$lib/content/schema';
import { t, type StringKey } from '$lib/i18n';
import type { Strings } from './core/strings';
import type { ViewProps } from './core/view';
import type { ExerciseType } from './schemas';

interface ViewModule {
	default: Component<ViewProps<never>>;
	/** The strings the type's loader shows. */
	strings: readonly StringKey[];
}

const views = import.meta.glob<ViewModule>('./*/View.svelte', { eager: true });

export function viewOf(type: ExerciseType): ViewModule {
	const view = views[`./${type}/View.svelte`];
	if (!view) throw new Error(`Oefentype "${type}" heeft geen View.svelte.`);
	return view;
}

/** The exercise types in a list of blocks, also inside callouts and tabs. */
export function exerciseTypesIn(blocks: Block[]): Set<ExerciseType> {
	return new Set(exercisesIn(blocks).map((e) => e.type));
}

/** The strings the loaders of a page's exercises show, once for the page; null without exercises. */
export function pageStrings(blocks: Block[]): Strings | null {
	const types = [...exerciseTypesIn(blocks)];
	return types.length ? Object.assign({}, ...types.map(stringsOf)) : null;
}

/** The strings a loader of this type shows: only those. */
export const stringsOf = (type: ExerciseType): Strings => Object.fromEntries(viewOf(type).strings.map((key) => [key, t(key)]));
