// The quiz score in the browser, without Svelte: it shows the lines of the view the server rendered
// (QuizScoreView.svelte) that fit the learner's answers, and follows them as exercises are checked.
// Reusable: `showQuizScore` takes any element holding the view and any answer store.
import type { AnswerStore } from './scored';
import { quizScore, type ScoredItem } from './score';
import { say, type Strings } from './strings';

export function showQuizScore(root: HTMLElement, exercises: ScoredItem[], strings: Strings, store: AnswerStore): () => void {
	const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
	const render = () => {
		const answers = Object.fromEntries(exercises.map((e) => [e.id, store.get(e.id)]));
		const score = quizScore(exercises, answers);
		const open = score.total - score.checked;
		const none = score.checked === 0;
		$('[data-quiz-none]')!.hidden = !none;
		const result = $('[data-quiz-result]')!;
		result.hidden = none;
		result.textContent = none ? '' : say(strings, 'quiz.result', { right: score.right, total: score.total });
		const openLine = $('[data-quiz-open]')!;
		openLine.hidden = none || open === 0;
		openLine.textContent = open === 1 ? say(strings, 'quiz.open.one') : say(strings, 'quiz.open.other', { count: open });
		$('[data-quiz-all-right]')!.hidden = none || open > 0 || score.right !== score.total;
		const reread = $('[data-quiz-reread]');
		if (reread) {
			reread.hidden = none || !score.reread.length;
			for (const item of reread.querySelectorAll<HTMLElement>('li[data-path]')) item.hidden = none || !score.reread.includes(item.dataset.path!);
		}
	};
	render();
	return store.subscribe(render);
}
