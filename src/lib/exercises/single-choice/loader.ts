// Single choice in the browser: radio buttons as the fields of the shared scored base.
import { choiceFields } from '../core/choice';
import type { ExerciseIslandProps } from '../core/island-props';
import { enhanceScored, type AnswerStore } from '../core/scored';
import { say } from '../core/strings';
import type { SingleChoiceExercise } from './schema';

export function enhance(element: HTMLElement, props: ExerciseIslandProps<SingleChoiceExercise>, store: AnswerStore): void {
	const form = element.querySelector<HTMLFormElement>('form[data-scored]')!;
	const fields = choiceFields(form, props.exercise, props.strings, {
		multiple: false,
		chosen: (value) => (value.type === 'single-choice' && value.choice ? [value.choice] : []),
		answer: (ids) => ({ type: 'single-choice', choice: ids[0] ?? null }),
		openMessage: () => say(props.strings, 'exercise.open.single-choice')
	});
	// A first wrong try would give the answer away in the option's reason; one option, no "1 van 1".
	enhanceScored(element, props, { ...fields, withholdFirstWrong: true }, store);
}
