import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from './errors';
import { loadCourse } from './loader.server';
import { contentRoot } from '../../../scripts/course.mjs';

const courseYaml = `id: test
lang: nl
title: Test
subtitle: Een test
description: Iets om te testen.
audience: Testers
duration: 5 minuten
offers: [Oefenen]
publisher: Wij
`;

/** Write a small e-tool to a temporary folder: path → file text. */
function site(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'etool-'));
	for (const [path, text] of Object.entries({ 'course.yaml': courseYaml, '01-een/_chapter.yaml': 'title: Een\n', ...files })) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

function errorOf(root: string): ContentError {
	try {
		loadCourse(root);
	} catch (error) {
		if (error instanceof ContentError) return error;
		throw error;
	}
	throw new Error('loadCourse accepted content it should refuse');
}

const choice = (extra = '') => `
\`\`\`exercise
id: vraag
type: single-choice
title: Vraag
prompt: Welke?
options:
  - id: a
    text: A
  - id: b
    text: B
answer: b${extra}
\`\`\`
`;

describe('loadCourse', () => {
	it('takes the e-tool\'s id and language from course.yaml, not from code', () => {
		const course = loadCourse(site({ 'course.yaml': courseYaml.replace('id: test', 'id: ander-e-tool').replace('lang: nl', 'lang: en'), '01-een/01-a.md': '---\ntitle: A\n---\n\nTekst.\n' }));
		expect([course.id, course.lang]).toEqual(['ander-e-tool', 'en']);
		const missing = errorOf(site({ 'course.yaml': courseYaml.replace('id: test\n', ''), '01-een/01-a.md': '---\ntitle: A\n---\n\nTekst.\n' }));
		expect(missing.message).toMatch(/course\.yaml.*\(id\): dit veld ontbreekt/);
	});

	// Parsing the whole e-tool takes a second alone, several on a busy two-core machine.
	it('loads the real e-tool with chapters, sections and every exercise type', { timeout: 30_000 }, () => {
		const course = loadCourse(contentRoot());
		expect(course.chapters.length).toBeGreaterThanOrEqual(3);
		const types = new Set(
			course.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'exercise').map((b) => b.type === 'exercise' && b.exercise.type)))
		);
		expect([...types].sort()).toEqual(['matching', 'multiple-response', 'reflection', 'single-choice', 'sorting']);
		const blockTypes = new Set(course.chapters.flatMap((c) => c.sections.flatMap((s) => s.blocks.map((b) => b.type))));
		// No quote block: the e-tool has no verbatim quotation (a paraphrase in quote styling misled readers).
		for (const type of ['heading', 'paragraph', 'list', 'callout', 'tabs', 'figure', 'literature', 'exercise', 'in-het-kort', 'glossary']) expect(blockTypes).toContain(type);
	});

	it('strips number prefixes from URLs but keeps them as the numbers learners see', () => {
		const course = loadCourse(site({ '01-een/02-tweede-pagina.md': '---\ntitle: Twee\n---\n\nTekst.\n' }));
		expect(course.chapters[0]?.sections[0]).toMatchObject({ path: 'een/tweede-pagina', number: '1.2', title: 'Twee' });
	});

	it('names file, line and the allowed blocks for an unknown directive', () => {
		const error = errorOf(site({ '01-een/01-a.md': '---\ntitle: A\n---\n\nTekst.\n\n:::video{src="x"}\nHoi\n:::\n' }));
		expect(error.message).toMatch(/01-een\/01-a\.md:7/);
		expect(error.message).toMatch(/onbekend blok ":::video"; toegestaan: quote, callout, tabs, figure, literature/);
	});

	it('names the line and field of an answer key that names no option', () => {
		const error = errorOf(site({ '01-een/01-a.md': `---\ntitle: A\n---\n${choice().replace('answer: b', 'answer: c')}` }));
		expect(error.issues[0]).toMatchObject({ file: expect.stringContaining('01-a.md'), line: 15, field: 'answer' });
		expect(error.issues[0]?.message).toMatch(/"c" is geen optie; kies uit: a, b/);
	});

	it('reports a missing field with its name', () => {
		const error = errorOf(site({ '01-een/01-a.md': `---\ntitle: A\n---\n${choice().replace('title: Vraag\n', '')}` }));
		expect(error.issues).toContainEqual(expect.objectContaining({ field: 'title', message: 'dit veld ontbreekt' }));
	});

	it('refuses the same exercise id in two sections', () => {
		const error = errorOf(site({ '01-een/01-a.md': `---\ntitle: A\n---\n${choice()}`, '01-een/02-b.md': `---\ntitle: B\n---\n${choice()}` }));
		expect(error.message).toMatch(/oefening-id "vraag" komt al voor in een\/a/);
	});

	it('refuses an exercise without an id, and an unknown exercise type with the allowed ones', () => {
		const error = errorOf(
			site({ '01-een/01-a.md': `---\ntitle: A\n---\n${choice().replace('id: vraag\n', '')}\n\`\`\`exercise\nid: x\ntype: quiz\n\`\`\`\n` })
		);
		expect(error.issues).toContainEqual(expect.objectContaining({ field: 'id', message: 'dit veld ontbreekt' }));
		expect(error.message).toMatch(/onbekend of ontbrekend type "quiz"; kies uit: reflection, single-choice/);
	});

	it('refuses a reread that names no section, and an unknown attribute', () => {
		const error = errorOf(
			site({ '01-een/01-a.md': `---\ntitle: A\n---\n${choice('\nreread: een/bestaat-niet')}\n:::callout{variant="tip" kleur="rood"}\nHoi\n:::\n` })
		);
		expect(error.message).toMatch(/sectie "een\/bestaat-niet" bestaat niet; kies uit: een\/a/);
		expect(error.message).toMatch(/onbekend attribuut "kleur"; toegestaan: variant, title/);
	});

	it('refuses a callout variant that does not exist, listing the allowed ones', () => {
		const error = errorOf(site({ '01-een/01-a.md': '---\ntitle: A\n---\n\n:::callout{variant="weetje"}\nHoi\n:::\n' }));
		expect(error.message).toMatch(/tip.*praktijkvoorbeeld.*let-op/);
	});

	it('reads a chart from a table and refuses a row without a number', () => {
		const ok = loadCourse(
			site({ '01-een/01-a.md': '---\ntitle: A\n---\n\n:::figure{id="f" chart="bar" unit="%" source="CPB, 2021"}\nVergelijking.\n\n| Land | Procent |\n| --- | --- |\n| NL | 79 |\n| EU | 58 |\n:::\n' })
		);
		const figure = ok.chapters[0]?.sections[0]?.blocks[0];
		expect(figure).toMatchObject({ type: 'figure', chart: { data: [{ label: 'NL', value: 79 }, { label: 'EU', value: 58 }] } });
		const error = errorOf(
			site({ '01-een/01-a.md': '---\ntitle: A\n---\n\n:::figure{id="f" chart="bar" source="X"}\nV.\n\n| A | B |\n| --- | --- |\n| NL | veel |\n:::\n' })
		);
		expect(error.message).toMatch(/twee kolommen: een label en een getal/);
	});

	it('escapes HTML in text and refuses raw HTML and unsafe links', () => {
		const error = errorOf(site({ '01-een/01-a.md': '---\ntitle: A\n---\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))\n' }));
		expect(error.issues.length).toBe(2);
		const ok = loadCourse(site({ '01-een/01-a.md': '---\ntitle: A\n---\n\nA < B & *c*\n' }));
		expect(ok.chapters[0]?.sections[0]?.blocks[0]).toEqual({ type: 'paragraph', html: 'A &lt; B &amp; <em>c</em>' });
	});

	it('::quiz-score counts the scored exercises of its own section, and refuses a page without them', () => {
		const ok = loadCourse(site({ '01-een/01-a.md': `---\ntitle: A\n---\n${choice('\nreread: een/a')}\n::quiz-score\n` }));
		expect(ok.chapters[0]?.sections[0]?.blocks.at(-1)).toEqual({ type: 'quiz-score', exercises: [{ id: 'vraag', reread: 'een/a' }] });
		const empty = errorOf(site({ '01-een/01-a.md': '---\ntitle: A\n---\n\nTekst.\n\n::quiz-score\n' }));
		expect(empty.message).toMatch(/::quiz-score telt de opdrachten .* hier staan er geen/);
		const container = errorOf(site({ '01-een/01-a.md': `---\ntitle: A\n---\n${choice()}\n:::quiz-score\n:::\n` }));
		expect(container.message).toMatch(/schrijf ::quiz-score \(twee dubbele punten\)/);
	});
});
