import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockTypesIn } from '$lib/blocks/block-styles';
import { loadCourse } from '$lib/content/loader.server';
import { stringsFor } from './island-strings.server';
import { enhancerGroups, pageData } from './page-data.server';
import { enhancerStrings } from './page-data';
import { islandStrings } from './props';

const course = loadCourse(join(process.cwd(), 'content', 'nl'));
const sections = course.chapters.flatMap((c) => c.sections);
const params = (path: string) => ({ chapter: path.split('/')[0], section: path.split('/')[1] });
const groupsOf = (path: string) => enhancerGroups(course, '/[chapter]/[section]', params(path));

describe('the strings a page hands the enhancer', () => {
	it('are those of every page, plus only the groups the page shows', () => {
		const data = pageData('x', ['share']);
		expect(Object.keys(data.strings).sort()).toEqual([...enhancerStrings.page, ...enhancerStrings.share].sort());
		expect(Object.values(data.strings).every((text) => text.length > 0)).toBe(true);
	});

	it('give the start page its resume words, and the answers and resume pages the save status', () => {
		expect(enhancerGroups(course, '/', {})).toEqual(['start']);
		expect(enhancerGroups(course, '/mijn-antwoorden', {})).toEqual(['sync']);
		expect(enhancerGroups(course, '/verder', {})).toEqual(['sync']);
		expect(enhancerGroups(course, '/inhoud', {})).toEqual([]);
	});

	it('give a section the share words only with a share block, and the save status only with an exercise or quiz score', () => {
		const text = sections.filter((s) => !(['exercise', 'quiz-score', 'share'] as const).some((type) => blockTypesIn(s.blocks).has(type)));
		const shared = sections.filter((s) => blockTypesIn(s.blocks).has('share'));
		const withIslands = sections.filter((s) => blockTypesIn(s.blocks).has('exercise'));
		// The course has each kind, so the checks below look at real sections.
		expect([text.length, shared.length, withIslands.length].every((n) => n > 0)).toBe(true);
		for (const s of text) expect(groupsOf(s.path), s.path).toEqual([]);
		for (const s of shared) expect(groupsOf(s.path), s.path).toContain('share');
		for (const s of withIslands) expect(groupsOf(s.path), s.path).toContain('sync');
	});
});

describe('the strings an island gets', () => {
	it('are only its own, each filled in', () => {
		for (const name of Object.keys(islandStrings) as (keyof typeof islandStrings)[]) {
			const strings = stringsFor(name);
			expect(Object.keys(strings)).toEqual([...islandStrings[name]]);
			expect(Object.values(strings).every((text) => typeof text === 'string' && text.length > 0), name).toBe(true);
		}
	});
});
