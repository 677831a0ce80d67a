// Radio buttons or checkboxes (core/OptionView.svelte) as the fields of a scored exercise: the
// single-choice and multiple-response loaders are this, with their own answer shape.
import type { ScoredExercise } from '../schemas';
import type { AnswerValue } from './types';
import type { Fields, FieldsState } from './scored';
import { showMark } from './scored';
import type { Strings } from './strings';

/** Show the state on every option row under `root`: chosen, read-only, and its mark. */
export function showOptions(root: ParentNode, strings: Strings, chosen: string[], { marks, locked }: Omit<FieldsState, 'value'>): void {
	for (const input of root.querySelectorAll<HTMLInputElement>('input[data-mark-id]')) {
		const mark = marks?.[input.value];
		input.checked = chosen.includes(input.value);
		const row = input.closest('.option');
		row?.classList.toggle('option--checked', input.checked);
		row?.classList.toggle('option--locked', locked);
		if (locked) input.setAttribute('aria-disabled', 'true');
		else input.removeAttribute('aria-disabled');
		const slot = input.ownerDocument.getElementById(input.dataset.markId!);
		if (slot) showMark(slot, strings, mark);
		if (mark) input.setAttribute('aria-describedby', input.dataset.markId!);
		else input.removeAttribute('aria-describedby');
	}
}

/**
 * The fields of a choice exercise. `chosen` reads the ids out of an answer, `answer` makes one
 * from the ids (in the order the options are shown).
 */
export function choiceFields<E extends Extract<ScoredExercise, { options: unknown }>>(
	form: HTMLFormElement,
	exercise: E,
	strings: Strings,
	shape: { chosen(value: AnswerValue): string[]; answer(ids: string[]): AnswerValue; openMessage(): string; multiple: boolean }
): Fields<E> {
	return {
		exercise,
		items: exercise.options,
		show: (state) => showOptions(form, strings, shape.chosen(state.value), state),
		read(target, value) {
			if (!(target instanceof HTMLInputElement) || !target.dataset.markId) return null;
			const before = shape.chosen(value);
			const ids = shape.multiple
				? exercise.options.map((o) => o.id).filter((id) => (id === target.value ? target.checked : before.includes(id)))
				: [target.value];
			return shape.answer(ids);
		},
		openMessage: shape.openMessage
	};
}
