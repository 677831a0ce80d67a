import type { AnswerValue, Example } from '../core/types';
import type { SortingExercise } from './schema';

type Value = Extract<AnswerValue, { type: 'sorting' }>;

/** Example sorting exercises with answers and the verdict they should get; used by tests and docs. */
export const examples: Example<SortingExercise, Value>[] = [
	{
		name: 'zes kaarten op twee stapels',
		exercise: {
			id: 'internetgebruik',
			type: 'sorting',
			title: 'Wie gebruikt internet veel?',
			prompt: 'Leg elke kaart op de juiste stapel.',
			piles: [
				{ id: 'hoog', label: 'Hoog internetgebruik' },
				{ id: 'laag', label: 'Laag internetgebruik' }
			],
			cards: [
				{ id: 'jongeren', text: 'Jongeren', feedback: 'Jongeren zijn het vaakst elke dag online.' },
				{ id: 'hoger-inkomen', text: 'Hoger inkomen' },
				{ id: 'ouderen', text: 'Ouderen', feedback: '65-plussers gebruiken internet het minst vaak dagelijks.' },
				{ id: 'lager-inkomen', text: 'Lager inkomen' }
			],
			answer: { jongeren: 'hoog', 'hoger-inkomen': 'hoog', ouderen: 'laag', 'lager-inkomen': 'laag' },
			reread: 'de-digitale-kloof/digivaardigheid-en-kwetsbare-groepen'
		},
		answers: [
			{
				name: 'alles goed',
				value: { type: 'sorting', placed: { jongeren: 'hoog', 'hoger-inkomen': 'hoog', ouderen: 'laag', 'lager-inkomen': 'laag' } },
				verdict: 'correct'
			},
			{
				name: 'ouderen op de verkeerde stapel',
				value: { type: 'sorting', placed: { jongeren: 'hoog', 'hoger-inkomen': 'hoog', ouderen: 'hoog', 'lager-inkomen': 'laag' } },
				verdict: 'partial'
			},
			{
				name: 'alles omgedraaid',
				value: { type: 'sorting', placed: { jongeren: 'laag', 'hoger-inkomen': 'laag', ouderen: 'hoog', 'lager-inkomen': 'hoog' } },
				verdict: 'incorrect'
			}
		]
	},
	{
		name: 'drie stapels, zonder feedback',
		exercise: {
			id: 'factor-per-actie',
			type: 'sorting',
			title: 'Welke factor?',
			prompt: 'Bij welke factor hoort elke actie?',
			piles: [
				{ id: 'digitoerusting', label: 'Digitoerusting' },
				{ id: 'digitoeleiding', label: 'Digitoeleiding' },
				{ id: 'digigebruik', label: 'Digigebruik' }
			],
			cards: [
				{ id: 'laptops-inzamelen', text: 'Laptops inzamelen in de wijk' },
				{ id: 'cursus', text: 'Een cursus in de bibliotheek' }
			],
			answer: { 'laptops-inzamelen': 'digitoerusting', cursus: 'digitoeleiding' }
		},
		answers: [{ name: 'goed', value: { type: 'sorting', placed: { 'laptops-inzamelen': 'digitoerusting', cursus: 'digitoeleiding' } }, verdict: 'correct' }]
	}
];
