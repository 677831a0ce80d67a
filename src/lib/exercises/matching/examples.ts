import type { AnswerValue, Example } from '../core/types';
import type { MatchingExercise } from './schema';

type Value = Extract<AnswerValue, { type: 'matching' }>;

/** Example matching exercises with answers and the verdict they should get; used by tests and docs. */
export const examples: Example<MatchingExercise, Value>[] = [
	{
		name: 'vier begrippen, vier omschrijvingen',
		exercise: {
			id: 'vier-factoren',
			type: 'matching',
			title: 'De vier factoren',
			prompt: 'Welke omschrijving hoort bij welk begrip?',
			terms: [
				{ id: 'digitoeleiding', text: 'Digitoeleiding', feedback: 'Bij digitoeleiding gaat het om opleiden.' },
				{ id: 'digitoerusting', text: 'Digitoerusting', feedback: 'Bij digitoerusting gaat het om apparaten en internet.' },
				{ id: 'digigebruik', text: 'Digigebruik', feedback: 'Bij digigebruik gaat het om motivatie.' },
				{ id: 'digi-outcome', text: 'Digi-outcome', feedback: 'Digi-outcome gaat over wat online meedoen oplevert.' }
			],
			descriptions: [
				{ id: 'opleiden', text: 'Mensen opleiden om het internet te kunnen gebruiken' },
				{ id: 'toegang', text: 'Mensen toegang geven tot de online leefwereld met apparaten' },
				{ id: 'motiveren', text: 'Mensen motiveren om de online leefwereld te gebruiken' },
				{ id: 'voordelen', text: 'Mensen laten inzien welke voordelen de online leefwereld hun biedt' }
			],
			answer: { digitoeleiding: 'opleiden', digitoerusting: 'toegang', digigebruik: 'motiveren', 'digi-outcome': 'voordelen' },
			reread: 'de-digitale-kloof/de-kloof-verkleinen'
		},
		answers: [
			{
				name: 'alles goed',
				value: { type: 'matching', pairs: { digitoeleiding: 'opleiden', digitoerusting: 'toegang', digigebruik: 'motiveren', 'digi-outcome': 'voordelen' } },
				verdict: 'correct'
			},
			{
				name: 'twee verwisseld',
				value: { type: 'matching', pairs: { digitoeleiding: 'toegang', digitoerusting: 'opleiden', digigebruik: 'motiveren', 'digi-outcome': 'voordelen' } },
				verdict: 'partial'
			},
			{
				name: 'alles fout',
				value: { type: 'matching', pairs: { digitoeleiding: 'voordelen', digitoerusting: 'motiveren', digigebruik: 'toegang', 'digi-outcome': 'opleiden' } },
				verdict: 'incorrect'
			}
		]
	},
	{
		name: 'een omschrijving blijft over',
		exercise: {
			id: 'twee-kloven',
			type: 'matching',
			title: 'Twee kanten van de kloof',
			prompt: 'Welke omschrijving hoort bij welk begrip?',
			terms: [
				{ id: 'toegang', text: 'Toegang' },
				{ id: 'vaardigheden', text: 'Vaardigheden' }
			],
			descriptions: [
				{ id: 'apparaat', text: 'Een apparaat en internet hebben' },
				{ id: 'kunnen', text: 'Weten hoe je informatie zoekt' },
				{ id: 'afleider', text: 'Een abonnement op een krant hebben' }
			],
			answer: { toegang: 'apparaat', vaardigheden: 'kunnen' }
		},
		answers: [
			{ name: 'met de afleider', value: { type: 'matching', pairs: { toegang: 'apparaat', vaardigheden: 'afleider' } }, verdict: 'partial' }
		]
	}
];
