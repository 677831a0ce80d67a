// A reflection in the browser, wiring the view the server rendered (View.svelte). The draft is kept
// 500 ms after the last key, on blur and when the page is hidden, without counting an attempt;
// "Opslaan" counts one and shows the points to compare with.
import * as attempt from '../core/attempt';
import type { ExerciseIslandProps } from '../core/island-props';
import type { AnswerStore } from '../core/scored';
import { say } from '../core/strings';
import type { AnswerRecord } from '../core/types';
import { check, clockTime, nearLimit } from './check';
import type { ReflectionExercise } from './schema';

const textOf = (record: AnswerRecord) => (record.value.type === 'reflection' ? record.value.text : '');

export function enhance(element: HTMLElement, { exercise, strings }: ExerciseIslandProps<ReflectionExercise>, store: AnswerStore): void {
	const form = element.querySelector<HTMLFormElement>('form[data-reflection]')!;
	const field = form.querySelector('textarea')!;
	const $ = (selector: string) => form.querySelector<HTMLElement>(selector)!;
	const problem = $('.reflection__problem');
	const count = $('[data-count]');
	const left = $('[data-left]');
	const status = $('[data-status]');
	const compare = $('[data-compare]');
	const button = $('button[type="submit"]');
	const describedBy = field.getAttribute('aria-describedby') ?? '';

	let current = attempt.restore(exercise, store.get(exercise.id));
	/** Typed but not yet saved to the store. */
	let dirty = false;
	let draftTimer: ReturnType<typeof setTimeout> | undefined;
	let countTimer: ReturnType<typeof setTimeout> | undefined;

	function render(): void {
		count.textContent = say(strings, 'exercise.reflection.count', { count: field.value.length, max: exercise.maxLength });
		button.textContent = say(strings, current.attempts > 0 ? 'exercise.reflection.saveChange' : 'exercise.reflection.save');
		compare.hidden = current.attempts === 0;
	}

	function showProblem(text: string | null): void {
		problem.hidden = text === null;
		problem.querySelector('[data-problem]')!.textContent = text ?? '';
		field.setAttribute('aria-describedby', text === null ? describedBy : `${describedBy} ${problem.id}`);
		if (text === null) field.removeAttribute('aria-invalid');
		else field.setAttribute('aria-invalid', 'true');
	}

	function commit(next: AnswerRecord): void {
		current = next;
		store.save(exercise.id, next);
		render();
	}

	function flush(): void {
		clearTimeout(draftTimer);
		if (!dirty) return;
		dirty = false;
		commit(attempt.change(current, { type: 'reflection', text: field.value }, new Date()));
	}

	field.addEventListener('input', () => {
		dirty = true;
		if (!problem.hidden) showProblem(null);
		render();
		clearTimeout(draftTimer);
		draftTimer = setTimeout(flush, 500);
		// The count is announced once typing pauses, and only near the limit.
		clearTimeout(countTimer);
		countTimer = setTimeout(() => {
			const text = field.value;
			left.textContent = nearLimit(exercise, text)
				? say(strings, 'exercise.reflection.left', { left: Math.max(0, exercise.maxLength - text.length) })
				: '';
		}, 1000);
	});
	field.addEventListener('blur', flush);
	// Leaving the page within the debounce time must not lose the draft.
	addEventListener('pagehide', flush);

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const text = field.value;
		const result = check(exercise, text);
		if (!result.saveable) {
			status.textContent = '';
			// In the DOM first, so focusing the field reads it as its description.
			showProblem(result.problem === 'empty' ? say(strings, 'exercise.reflection.empty') : say(strings, 'exercise.reflection.tooLong', { over: result.over }));
			field.focus();
			return;
		}
		clearTimeout(draftTimer);
		dirty = false;
		const now = new Date();
		commit(attempt.save(attempt.change(current, { type: 'reflection', text }, now), now));
		status.textContent = say(strings, 'exercise.reflection.saved', { time: clockTime(now) });
	});

	// The saved record may change in another tab or by a merge: take it when newer, unless typing.
	store.subscribe(() => {
		const incoming = store.get(exercise.id);
		if (dirty || !attempt.isNewer(incoming, current)) return;
		current = attempt.restore(exercise, incoming);
		field.value = textOf(current);
		render();
	});
	field.value = textOf(current);
	render();
}
