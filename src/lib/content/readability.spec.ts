import { describe, expect, it } from 'vitest';
import { loadCourse } from './loader.server';
import { proseText, readability, runningText, sentenceChecks, sentences, syllables, TARGET } from './readability';
import { contentRoot } from '../../../scripts/course.mjs';

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

	it('finds fragments, short sentences and connective openers in prose, not in list items', () => {
		const checks = sentenceChecks(
			proseText([
				{ type: 'paragraph', html: 'Wie online niet mee kan, raakt achter. Zonder verwarring of frustratie. En dat is <strong>jammer</strong>.' },
				{ type: 'list', ordered: false, items: ['mensen van 65 jaar en ouder;'] }
			])
		);
		expect(checks.fragments).toEqual(['Zonder verwarring of frustratie.']);
		expect(checks.short).toBe(2);
		expect(checks.connectiveOpeners).toBe(1);
	});
});

// The same rules as `npm run readability`, so `npm test` fails on them too.
describe('readability of the real e-tool', () => {
	const course = loadCourse(contentRoot());
	const sections = course.chapters.flatMap((c) => c.sections);

	it.each(sections.map((s) => [`${s.number} ${s.title}`, s] as const))('%s has at most two sentences without a finite verb', (_, section) => {
		expect(sentenceChecks(proseText(section.blocks)).fragments.length).toBeLessThanOrEqual(TARGET.maxFragments);
	});

	it.each(sections.map((s) => [`${s.number} ${s.title}`, s] as const))('%s meets the target or says why', (_, section) => {
		const r = readability(runningText(section.blocks));
		const misses = r.words > 0 && (r.sentenceLength > TARGET.sentenceLength || r.fleschDouma < TARGET.fleschDouma);
		if (misses) expect(section.readability, 'readability: … in the frontmatter').toBeTruthy();
	});
});
