import { describe, expect, it } from 'vitest';
import { readability, sentences, syllables } from './readability';

describe('readability', () => {
	it('splits sentences, but not at abbreviations or in numbers', () => {
		expect(sentences('Dat is zo. Bijv. bij 300.000 mensen (CPB, 2021). Klaar!')).toEqual(['Dat is zo.', 'Bijv. bij 300.000 mensen (CPB, 2021).', 'Klaar!']);
	});

	it('counts Dutch syllables with hyphenation patterns', () => {
		expect(syllables('digitoeleiding')).toBe(5);
		expect(syllables('vaardigheden')).toBe(4);
		expect(syllables('je')).toBe(1);
	});

	it('computes Flesch-Douma: short plain sentences score high, long ones low', () => {
		const plain = readability(['Je helpt mensen. Zij gaan online. Dat is fijn.']);
		expect(plain.sentences).toBe(3);
		expect(plain.sentenceLength).toBe(3);
		expect(plain.fleschDouma).toBeGreaterThan(80);
		const hard = readability([
			'Informatievaardigheden en mediawijsheidsontwikkeling vereisen gemeentelijke beleidsinstrumentarium-afstemming tussen maatschappelijke organisaties, onderwijsinstellingen en bibliotheekvoorzieningen in samenwerkingsverbanden.'
		]);
		expect(hard.fleschDouma).toBeLessThan(0);
		expect(hard.fleschDouma).toBeCloseTo(206.835 - 0.93 * hard.sentenceLength - 77 * hard.syllablesPerWord, 6);
	});
});
