import type { Exercise } from '../schemas';
import type { AnswerRecord } from './types';

/** A saved answer as readable lines, for "Mijn antwoorden" and its printout. */
export function describeAnswer(exercise: Exercise, record: AnswerRecord | undefined): string[] {
	if (!record) return [];
	const value = record.value;
	const textOf = (items: { id: string; text: string }[], id: string | null | undefined) =>
		items.find((i) => i.id === id)?.text ?? '–';
	switch (exercise.type) {
		case 'reflection':
			return value.type === 'reflection' && value.text.trim() ? value.text.split(/\n+/).filter(Boolean) : [];
		case 'single-choice':
			return value.type === 'single-choice' && value.choice ? [textOf(exercise.options, value.choice)] : [];
		case 'multiple-response':
			return value.type === 'multiple-response' ? value.choices.map((id) => textOf(exercise.options, id)) : [];
		case 'matching':
			return value.type === 'matching'
				? exercise.terms.filter((t) => value.pairs[t.id]).map((t) => `${t.text}: ${textOf(exercise.descriptions, value.pairs[t.id])}`)
				: [];
		case 'sorting':
			return value.type === 'sorting'
				? exercise.piles
						.map((p) => ({ pile: p.label, cards: exercise.cards.filter((c) => value.placed[c.id] === p.id).map((c) => c.text) }))
						.filter((p) => p.cards.length)
						.map((p) => `${p.pile}: ${p.cards.join(', ')}`)
				: [];
	}
}
