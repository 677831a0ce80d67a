import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exercisesIn, loadCourse } from './loader.server';
import { blockText } from './reading-time';
import { expandDefinitions, glossarySchema, type GlossaryEntry } from './glossary';
import { parseSection } from './markdown';
import { contentRoot } from '../../../scripts/course.mjs';

const course = loadCourse(contentRoot());
const sections = course.chapters.flatMap((c) => c.sections);
const entry = (id: string) => course.glossary.find((g) => g.id === id)!;
// Term links become tags, and blockText turns tags into spaces: compare with spaces collapsed.
const textOf = (path: string) =>
	blockText(sections.find((s) => s.path === path)!.blocks).join(' ').replace(/\s+/g, ' ').replace(/ ([,.:;)])/g, '$1');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// The four factors are the spine of the e-tool: one wording, wherever they are defined or tested.
const FACTORS = ['digitoerusting', 'digitoeleiding', 'digigebruik', 'digi-outcome'];

describe('one definition per factor', () => {
	it('has each factor in the glossary, with the section that introduces it', () => {
		for (const id of FACTORS) expect(entry(id)?.introducedIn, id).toMatch(/^de-vier-factoren\//);
	});

	it('uses the glossary definition as the answer key of the quiz "De vier factoren"', () => {
		const quiz = sections.flatMap((s) => exercisesIn(s.blocks)).find((e) => e.id === 'vier-factoren');
		if (quiz?.type !== 'matching') throw new Error('quiz vier-factoren is not a matching exercise');
		for (const id of FACTORS) {
			const description = quiz.descriptions.find((d) => d.id === quiz.answer[id]);
			expect(description?.text, id).toBe(cap(entry(id).definition));
		}
		// No two factors may share a description: each description names exactly one factor.
		expect(new Set(FACTORS.map((id) => quiz.answer[id])).size).toBe(4);
	});

	it('quotes every introduced term word for word in its own section and in both overviews', () => {
		for (const g of course.glossary.filter((g) => g.introducedIn))
			expect(textOf(g.introducedIn!), `${g.id} in ${g.introducedIn}`).toContain(g.definition);
		for (const overview of ['inleiding/kansen-en-bedreigingen', 'de-digitale-kloof/de-kloof-verkleinen'])
			for (const id of FACTORS) expect(textOf(overview), `${id} in ${overview}`).toContain(entry(id).definition);
	});

	it('never teaches "voordelen" as digi-outcome: the benefits motivate, which is digigebruik', () => {
		expect(entry('digi-outcome').definition).not.toMatch(/voordelen|inzien|laten zien/);
		expect(textOf('de-vier-factoren/digigebruik')).toMatch(/voordelen[^.]*motivatie[^.]*digigebruik/);
	});
});

describe('glossary mechanics', () => {
	const glossary: GlossaryEntry[] = [
		{ id: 'digitoerusting', term: 'Digitoerusting', definition: 'mensen hebben toegang tot een apparaat en internet' },
		{ id: 'warme-overdracht', term: 'Warme overdracht', definition: 'iemand persoonlijk in contact brengen met hulp', forms: ['warm overdragen'] }
	];

	it('expands {{definitie:id}} and {{Definitie:id}}, and names file and line of an unknown term', () => {
		const { text, issues } = expandDefinitions('a\nDat is: {{definitie:digitoerusting}}.\n- {{Definitie:digitoerusting}}\n{{definitie:bestaat-niet}}', glossary, 'x.md');
		expect(text.split('\n').slice(1, 3)).toEqual(['Dat is: mensen hebben toegang tot een apparaat en internet.', '- Mensen hebben toegang tot een apparaat en internet']);
		expect(issues).toEqual([expect.objectContaining({ file: 'x.md', line: 4, message: expect.stringContaining('"bestaat-niet" staat niet in begrippen.yaml') })]);
	});

	it('refuses a definition with markup or a trailing full stop, which would break the text it is pasted into', () => {
		const bad = glossarySchema.safeParse([{ id: 'a', term: 'A', definition: 'iets: **vet**.' }]);
		expect(bad.success).toBe(false);
	});

	it('links only the first use of a term on a page, never in headings or existing links', () => {
		const md = '---\ntitle: T\n---\n\n## Digitoerusting\n\nOver [digitoerusting](/x) en warme overdracht. Digitoerusting helpt, en Digitoerusting weer.\n';
		const { blocks } = parseSection(md, 't.md', { glossary, termHref: (id) => `/bronnen/begrippen#${id}` });
		expect(blocks[0]).toMatchObject({ type: 'heading', text: 'Digitoerusting' });
		const html = blocks[1]?.type === 'paragraph' ? blocks[1].html : '';
		expect(html).toBe(
			'Over <a href="/x">digitoerusting</a> en <a href="/bronnen/begrippen#warme-overdracht">warme overdracht</a>. <a href="/bronnen/begrippen#digitoerusting">Digitoerusting</a> helpt, en Digitoerusting weer.'
		);
	});

	it('renders the real Begrippen page from begrippen.yaml, and links terms on other pages to it', () => {
		const page = sections.find((s) => s.blocks.some((b) => b.type === 'glossary'))!;
		expect(page.path).toBe('bronnen/begrippen');
		const list = page.blocks.find((b) => b.type === 'glossary');
		expect(list?.type === 'glossary' && list.entries.map((e) => e.id)).toEqual(course.glossary.map((g) => g.id));
		const intro = sections.find((s) => s.path === 'de-vier-factoren/digitoerusting')!;
		expect(JSON.stringify(intro.blocks)).toContain('href=\\"/bronnen/begrippen#digitoerusting\\"');
	});
});

describe('In het kort', () => {
	it('opens every section of chapters 2 to 4 with exactly three points', () => {
		for (const chapter of course.chapters.filter((c) => c.number >= 2 && c.number <= 4))
			for (const section of chapter.sections) {
				const first = section.blocks[0];
				expect(first?.type, section.path).toBe('in-het-kort');
				expect(first?.type === 'in-het-kort' && first.items.length, section.path).toBe(3);
			}
	});

	it('refuses a summary without exactly three points, with file and line', () => {
		const { issues } = parseSection('---\ntitle: T\n---\n\n:::in-het-kort\n- een\n- twee\n:::\n', 'k.md');
		expect(issues[0]).toMatchObject({ file: 'k.md', line: 5, message: expect.stringContaining('drie punten') });
	});
});
