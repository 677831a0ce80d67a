import type { AnswerValue, Example } from '../core/types';
import type { SingleChoiceExercise } from './schema';

type Value = Extract<AnswerValue, { type: 'single-choice' }>;

/** Example single-choice exercises with answers and the verdict they should get; used by tests and docs. */
export const examples: Example<SingleChoiceExercise, Value>[] = [
	{
		name: 'met feedback per optie en een sectie om te herlezen',
		exercise: {
			id: 'aantal-laaggeletterd',
			type: 'single-choice',
			title: 'Niet digitaal vaardig en laaggeletterd',
			prompt: 'Hoeveel Nederlanders zijn niet digitaal vaardig én ook laaggeletterd?',
			options: [
				{ id: 'honderdduizend', text: '100.000 mensen', feedback: 'Dat is te weinig.' },
				{ id: 'driehonderdduizend', text: '300.000 mensen', feedback: 'Klopt.' },
				{ id: 'vijfhonderdduizend', text: '500.000 mensen', feedback: 'Dat is te veel.' }
			],
			answer: 'driehonderdduizend',
			feedback: { correct: 'Goed! Het gaat om ruim 300.000 mensen.' },
			reread: 'de-digitale-kloof/digivaardigheid-en-kwetsbare-groepen'
		},
		answers: [
			{ name: 'goed', value: { type: 'single-choice', choice: 'driehonderdduizend' }, verdict: 'correct' },
			{ name: 'fout', value: { type: 'single-choice', choice: 'honderdduizend' }, verdict: 'incorrect' }
		]
	},
	{
		name: 'zonder feedback: de standaardteksten verschijnen',
		exercise: {
			id: 'wie-is-aan-zet',
			type: 'single-choice',
			title: 'Wie helpt in de wijk?',
			prompt: 'Wie kan in de wijk helpen bij een cursus digitale vaardigheden?',
			options: [
				{ id: 'bibliotheek', text: 'De bibliotheek' },
				{ id: 'niemand', text: 'Niemand' }
			],
			answer: 'bibliotheek'
		},
		answers: [
			{ name: 'fout', value: { type: 'single-choice', choice: 'niemand' }, verdict: 'incorrect' },
			{ name: 'goed', value: { type: 'single-choice', choice: 'bibliotheek' }, verdict: 'correct' }
		]
	}
];
