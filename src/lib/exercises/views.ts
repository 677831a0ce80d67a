// The static views of the exercise types, for the server only (Svelte at build time): each type's
// `<type>/View.svelte` renders its whole interactive UI, and says which strings its loader needs.
// Found by folder, like the loaders (island.ts): adding a type is its folder and its schema in schemas.ts.
import type { Component } from 'svelte';
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

/** The strings an island of this type ships: only those its loader shows. */
export const stringsOf = (type: ExerciseType): Strings => Object.fromEntries(viewOf(type).strings.map((key) => [key, t(key)]));
