import type { AnswerValue, Example } from '../core/types';
import type { ReflectionExercise } from './schema';

type Value = Extract<AnswerValue, { type: 'reflection' }>;

/** Example reflections with answers a learner could give; used by tests and docs. Reflections get no verdict. */
export const examples: Example<ReflectionExercise, Value>[] = [
	{
		name: 'open vraag met punten om te vergelijken',
		exercise: {
			id: 'eigen-ervaring-digitale-kloof',
			type: 'reflection',
			title: 'De digitale kloof in je eigen werk',
			prompt: 'Heb jij de digitale kloof al eens gezien in je eigen werk? Zo ja, hoe merkte je dat?',
			points: [
				'Iemand heeft geen apparaat of thuis geen wifi. Dan gaat het om toegang.',
				'Iemand heeft wel een apparaat, maar kan er geen informatie mee zoeken. Dan gaat het om vaardigheden.'
			],
			maxLength: 5000
		},
		answers: [
			{ name: 'een antwoord', value: { type: 'reflection', text: 'Een cliënt had geen wifi thuis.' } },
			{ name: 'alleen spaties (kan niet worden opgeslagen)', value: { type: 'reflection', text: '   ' } }
		]
	},
	{
		name: 'kort antwoord gevraagd',
		exercise: {
			id: 'wat-geleerd',
			type: 'reflection',
			title: 'Wat heb je geleerd?',
			prompt: 'Wat heb je geleerd in deze e-tool? Schrijf het in een paar zinnen op.',
			points: ['De digitale kloof gaat over vaardigheden én over toegang tot apparaten en internet.'],
			maxLength: 500
		},
		answers: [{ name: 'te lang', value: { type: 'reflection', text: 'a'.repeat(501) } }]
	}
];
