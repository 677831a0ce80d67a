// Multiple response in the browser: checkboxes as the fields of the shared scored base.
import { choiceFields } from '../core/choice';
import type { ExerciseIslandProps } from '../core/island-props';
import { enhanceScored, type AnswerStore } from '../core/scored';
import { say } from '../core/strings';
import type { MultipleResponseExercise } from './schema';

export function enhance(element: HTMLElement, props: ExerciseIslandProps<MultipleResponseExercise>, store: AnswerStore): void {
	const form = element.querySelector<HTMLFormElement>('form[data-scored]')!;
	const fields = choiceFields(form, props.exercise, props.strings, {
		multiple: true,
		chosen: (value) => (value.type === 'multiple-response' ? value.choices : []),
		answer: (ids) => ({ type: 'multiple-response', choices: ids }),
		openMessage: () => say(props.strings, 'exercise.open.multiple-response')
	});
	enhanceScored(element, props, { ...fields, itemScore: true }, store);
}
