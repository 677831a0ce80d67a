// The exercise island in the browser, without Svelte: it finds the type's loader (`exercises/<type>/loader.ts`,
// found by its folder, so adding a type needs no line here) and wires the view the server rendered
// (`<type>/View.svelte`) in place (docs/decisions/0010-svelte-at-build-time-only.md).
import { browserProgress } from '$lib/progress/browser';
import type { ExerciseIslandProps } from '$lib/exercises/core/island-props';
import type { AnswerStore } from '$lib/exercises/core/scored';
import { EXERCISE_STRINGS_ID, type Strings } from '$lib/exercises/core/strings';

export interface ExerciseLoader {
	enhance(element: HTMLElement, props: ExerciseIslandProps<never>, store: AnswerStore): void;
}

const loaders = import.meta.glob<ExerciseLoader>('../exercises/*/loader.ts');

/** The learner's answers in this browser: the one progress store of the page. */
export const browserAnswers: AnswerStore = {
	get: (id) => browserProgress.get().progress.answers[id],
	save: (id, record) => browserProgress.saveAnswer(id, record),
	subscribe: (listener) => browserProgress.subscribe(() => listener())
};

let strings: Strings | undefined;

export async function enhance(element: HTMLElement, props: Omit<ExerciseIslandProps, 'strings'>): Promise<void> {
	const load = loaders[`../exercises/${props.exercise.type}/loader.ts`];
	if (!load) throw new Error(`exercise type ${props.exercise.type} has no loader`);
	// The page's exercise strings, read once (ExerciseStrings.svelte renders them once per page).
	strings ??= JSON.parse(document.getElementById(EXERCISE_STRINGS_ID)?.textContent ?? '{}') as Strings;
	(await load()).enhance(element, { ...props, strings } as ExerciseIslandProps<never>, browserAnswers);
}
