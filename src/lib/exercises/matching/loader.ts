// Matching in the browser: per term a radio group while answering; once checked, the learner's
// choice in full with the term's mark. The shared scored base does the rest.
import { showOptions } from '../core/choice';
import type { ExerciseIslandProps } from '../core/island-props';
import { enhanceScored, showMark, type AnswerStore } from '../core/scored';
import { say } from '../core/strings';
import type { AnswerValue } from '../core/types';
import type { MatchingExercise } from './schema';

const pairsIn = (value: AnswerValue): Record<string, string> => (value.type === 'matching' ? value.pairs : {});

export function enhance(element: HTMLElement, props: ExerciseIslandProps<MatchingExercise>, store: AnswerStore): void {
	const { exercise, strings } = props;
	const form = element.querySelector<HTMLFormElement>('form[data-scored]')!;
	const descriptionText = (id: string | undefined) => exercise.descriptions.find((d) => d.id === id)?.text ?? '';
	const groups = new Map(exercise.terms.map((term) => [term.id, form.querySelector<HTMLFieldSetElement>(`fieldset[data-term="${term.id}"]`)!]));
	const results = new Map(exercise.terms.map((term) => [term.id, form.querySelector<HTMLElement>(`[data-term-result="${term.id}"]`)!]));

	enhanceScored(
		element,
		props,
		{
			exercise,
			items: exercise.terms,
			itemScore: true,
			show({ value, marks, locked }) {
				const pairs = pairsIn(value);
				for (const term of exercise.terms) {
					const group = groups.get(term.id)!;
					const result = results.get(term.id)!;
					const mark = marks?.[term.id];
					group.hidden = locked;
					result.hidden = !locked;
					showOptions(group, strings, pairs[term.id] ? [pairs[term.id]!] : [], { marks: null, locked: false });
					// One mark per term, in whichever of the two is shown (none left in the hidden one).
					const slot = (el: Element | null) => el?.querySelector<HTMLElement>(':scope > [data-mark-for]');
					showMark(slot(group.querySelector('legend'))!, strings, locked ? undefined : mark);
					showMark(slot(result.querySelector('.term'))!, strings, locked ? mark : undefined);
					if (mark) result.dataset.mark = mark;
					else delete result.dataset.mark;
					result.querySelector('.chosen')!.textContent = locked
						? mark === 'answer'
							? descriptionText(pairs[term.id])
							: say(strings, 'exercise.matching.chosen', { description: descriptionText(pairs[term.id]) })
						: '';
				}
			},
			read(target, value) {
				const term = target instanceof HTMLInputElement ? target.closest<HTMLElement>('fieldset[data-term]')?.dataset.term : undefined;
				if (!term || !(target instanceof HTMLInputElement)) return null;
				return { type: 'matching', pairs: { ...pairsIn(value), [term]: target.value } };
			},
			openMessage: (count) => say(strings, count === 1 ? 'exercise.open.matching.one' : 'exercise.open.matching.other', { count })
		},
		store
	);
}
