import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from './reading-time';

describe('reading time', () => {
	it('counts words and numbers, not loose dashes', () => {
		expect(countWords('Ruim 300.000 mensen – en nog meer.')).toBe(6);
	});

	it('takes at least one minute, and more for longer text and for exercises', () => {
		const words = (n: number) => ({ type: 'paragraph' as const, html: Array(n).fill('woord').join(' ') });
		expect(readingMinutes([words(10)])).toBe(1);
		expect(readingMinutes([words(900)])).toBe(5);
		const exercise = { type: 'exercise' as const, exercise: { id: 'x', type: 'reflection', title: 'T', prompt: 'Vraag', points: ['p'], maxLength: 5000 } } as const;
		expect(readingMinutes([words(900), exercise as never])).toBe(7);
	});
});
