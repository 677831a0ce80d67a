// The `quiz-score` island (`::quiz-score`, and on Mijn antwoorden): the score of the listed exercises,
// following this browser's answers (exercises/core/quiz-score.ts shows the lines).
import { showQuizScore } from '$lib/exercises/core/quiz-score';
import { browserAnswers } from './exercise';
import type { IslandProps } from './props';

export function enhance(element: HTMLElement, props: IslandProps['quiz-score']): void {
	showQuizScore(element, props.exercises, props.strings, browserAnswers);
}
