import type { AnswerValue, Example } from '../core/types';
import type { MultipleResponseExercise } from './schema';

type Value = Extract<AnswerValue, { type: 'multiple-response' }>;

/** Example multiple-response exercises with answers and the verdict they should get; used by tests and docs. */
export const examples: Example<MultipleResponseExercise, Value>[] = [
	{
		name: 'drie goede opties en een afleider',
		exercise: {
			id: 'vliegwiel',
			type: 'multiple-response',
			title: 'Het vliegwiel van online burgerbetrokkenheid',
			prompt: 'Welke aspecten horen bij het vliegwiel van online burgerbetrokkenheid?',
			options: [
				{ id: 'meebeslissen', text: 'Mensen laten meebeslissen', feedback: 'Klopt: burgers beslissen mee over beleid.' },
				{ id: 'meedenken', text: 'Mensen laten meedenken', feedback: 'Klopt: burgers denken mee over besluiten.' },
				{ id: 'meelopen', text: 'Mensen laten meelopen', feedback: 'Dit hoort er niet bij: meelopen is niet actief.' },
				{ id: 'meedoen', text: 'Mensen laten meedoen', feedback: 'Klopt: burgers zetten zich in voor hun buurt.' }
			],
			answer: ['meebeslissen', 'meedenken', 'meedoen'],
			feedback: { partial: 'Bijna. Het vliegwiel heeft drie aspecten.' },
			reread: 'inleiding/kansen-en-bedreigingen'
		},
		answers: [
			{ name: 'alles goed', value: { type: 'multiple-response', choices: ['meebeslissen', 'meedenken', 'meedoen'] }, verdict: 'correct' },
			{ name: 'een afleider erbij', value: { type: 'multiple-response', choices: ['meebeslissen', 'meelopen'] }, verdict: 'partial' },
			{ name: 'alleen de afleider', value: { type: 'multiple-response', choices: ['meelopen'] }, verdict: 'incorrect' }
		]
	},
	{
		name: 'één goede optie',
		exercise: {
			id: 'toegang-of-vaardigheid',
			type: 'multiple-response',
			title: 'Toegang',
			prompt: 'Welke situatie gaat over toegang?',
			options: [
				{ id: 'geen-wifi', text: 'Iemand heeft thuis geen wifi.' },
				{ id: 'niet-zoeken', text: 'Iemand kan online geen informatie zoeken.' }
			],
			answer: ['geen-wifi']
		},
		answers: [
			{ name: 'goed', value: { type: 'multiple-response', choices: ['geen-wifi'] }, verdict: 'correct' },
			{ name: 'beide gekozen', value: { type: 'multiple-response', choices: ['geen-wifi', 'niet-zoeken'] }, verdict: 'partial' }
		]
	}
];
