import type { Code, Root, RootContent, Table } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { z } from 'zod';
import { exercisesIn } from './blocks';
import type { ContentIssue } from './errors';
import { linkTerms, type GlossaryEntry } from './glossary';
import { inlineHtml, plainText, slugify } from './inline';
import { directiveSchemas, type Block, type DirectiveName } from './schema';
import { parseExercise } from './yaml-block';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

// Leaf directives (`::name`, no content); every other directive is a container (`:::name`).
const leafDirectives: DirectiveName[] = ['begrippen', 'quiz-score'];
// `tab` only lives inside `tabs`, so neither it nor a leaf is offered as a `:::` block.
const allowedDirectives = Object.keys(directiveSchemas)
	.filter((n) => n !== 'tab' && !leafDirectives.includes(n as DirectiveName))
	.join(', ');

/** What a section needs from the rest of the e-tool: the glossary, and where its page is. */
export interface SectionContext {
	glossary: GlossaryEntry[];
	/** URL of a term on the Begrippen page; absent when the e-tool has no such page, or on that page itself. */
	termHref?: (id: string) => string;
}

export interface ParsedSection {
	frontmatter: { text: string; line: number } | null;
	blocks: Block[];
	issues: ContentIssue[];
}

/** Parse one section file into blocks. Problems are collected, not thrown, so an author sees them all at once. */
export function parseSection(source: string, file: string, context: SectionContext = { glossary: [] }): ParsedSection {
	const tree = parser.parse(source) as Root;
	if (context.termHref) linkTerms(tree, context.glossary, context.termHref);
	const issues: ContentIssue[] = [];
	const report = (node: { position?: { start: { line: number } } } | undefined, message: string, field?: string) =>
		issues.push({ file, line: node?.position?.start.line, field, message });
	const unsupported = (node: RootContent) =>
		report(node, `"${node.type}" wordt hier niet ondersteund; gebruik gewone tekst, *cursief*, **vet** of een [link](https://…)`);
	const inline = (node: RootContent) => inlineHtml('children' in node ? (node.children as RootContent[]) : [], unsupported);

	let frontmatter: ParsedSection['frontmatter'] = null;

	function attributes<N extends DirectiveName>(node: ContainerDirective | LeafDirective, name: N) {
		const result = directiveSchemas[name].safeParse(node.attributes ?? {});
		if (result.success) return result.data as z.infer<(typeof directiveSchemas)[N]>;
		for (const issue of result.error.issues) {
			const key = issue.path.join('.');
			const allowed = Object.keys(directiveSchemas[name].shape).join(', ') || 'geen';
			const message = issue.code === 'unrecognized_keys'
				? `onbekend attribuut ${issue.keys.map((k) => `"${k}"`).join(', ')}; toegestaan: ${allowed}`
				: issue.message;
			report(node, message, `:::${name}${key ? ` ${key}` : ''}`);
		}
		return null;
	}

	function paragraphs(nodes: RootContent[], where: string): string[] {
		return nodes.flatMap((n) => {
			if (n.type === 'paragraph') return [inline(n)];
			report(n, `in ${where} staan alleen alinea's`);
			return [];
		});
	}

	function figure(node: ContainerDirective): Block | null {
		const attrs = attributes(node, 'figure');
		const table = node.children.find((n): n is Table => n.type === 'table');
		const caption = paragraphs(node.children.filter((n) => n !== table), ':::figure');
		if (!attrs) return null;
		if (caption.length === 0) report(node, 'een figuur heeft een beschrijving in woorden nodig', ':::figure');
		if (attrs.chart && !table) report(node, 'een grafiek (chart) heeft een tabel met gegevens nodig', ':::figure');
		if (!attrs.chart && table) report(table, 'een tabel in een figuur hoort bij een grafiek: voeg chart="bar" toe', ':::figure');
		if (!attrs.chart || !table) return { type: 'figure', id: attrs.id, title: attrs.title, caption, source: attrs.source };
		const [head, ...rows] = table.children.map((row) => row.children.map((cell) => plainText(cell.children).trim()));
		const data = rows.flatMap((cells, i) => {
			const value = Number((cells[1] ?? '').replace(',', '.'));
			if (cells.length !== 2 || !Number.isFinite(value)) {
				report(table.children[i + 1], 'elke rij heeft twee kolommen: een label en een getal', ':::figure');
				return [];
			}
			return [{ label: cells[0] ?? '', value }];
		});
		return {
			type: 'figure',
			id: attrs.id,
			title: attrs.title,
			caption,
			source: attrs.source,
			chart: { kind: 'bar', unit: attrs.unit ?? '', labelHeader: head?.[0] ?? '', valueHeader: head?.[1] ?? '', data }
		};
	}

	function directive(node: ContainerDirective): Block | null {
		switch (node.name) {
			case 'quote': {
				const attrs = attributes(node, 'quote');
				return attrs && { type: 'quote', source: attrs.source, paragraphs: paragraphs(node.children, ':::quote') };
			}
			case 'callout': {
				const attrs = attributes(node, 'callout');
				return attrs && { type: 'callout', variant: attrs.variant, title: attrs.title, blocks: convert(node.children, false) };
			}
			case 'tabs': {
				const attrs = attributes(node, 'tabs');
				const tabs = node.children.flatMap((child) => {
					if (child.type === 'containerDirective' && child.name === 'tab') {
						const tab = attributes(child, 'tab');
						return tab ? [{ label: tab.label, blocks: convert(child.children, false) }] : [];
					}
					report(child, 'in ::::tabs staan alleen :::tab-blokken', '::::tabs');
					return [];
				});
				if (tabs.length < 2) report(node, 'tabs hebben minstens twee :::tab-blokken nodig', '::::tabs');
				return attrs && { type: 'tabs', label: attrs.label, tabs };
			}
			case 'figure':
				return figure(node);
			case 'quiz-score':
				report(node, 'de score is een blok zonder inhoud: schrijf ::quiz-score (twee dubbele punten) op een eigen regel');
				return null;
			case 'share':
				attributes(node, 'share');
				return { type: 'share', paragraphs: paragraphs(node.children, ':::share') };
			case 'in-het-kort': {
				attributes(node, 'in-het-kort');
				const list = node.children[0];
				if (node.children.length !== 1 || list?.type !== 'list' || list.ordered || list.children.length !== 3) {
					report(node, '"In het kort" bevat precies één opsomming met drie punten (- …)', ':::in-het-kort');
					return null;
				}
				return { type: 'in-het-kort', items: list.children.map((item) => item.children.map(inline).join(' ')) };
			}
			case 'literature': {
				attributes(node, 'literature');
				const list = node.children[0];
				if (node.children.length !== 1 || list?.type !== 'list') {
					report(node, 'een literatuurlijst bevat precies één opsomming: één bron per regel', ':::literature');
					return null;
				}
				return { type: 'literature', entries: list.children.map((item) => item.children.map(inline).join(' ')) };
			}
			default:
				report(node, `onbekend blok ":::${node.name}"; toegestaan: ${allowedDirectives}`);
				return null;
		}
	}

	function convert(nodes: RootContent[], topLevel: boolean): Block[] {
		const blocks: Block[] = [];
		for (const node of nodes) {
			const block = one(node, topLevel);
			if (block) blocks.push(block);
		}
		return blocks;
	}

	function one(node: RootContent, topLevel: boolean): Block | null {
		switch (node.type) {
			case 'yaml':
				if (topLevel) frontmatter = { text: node.value, line: (node.position?.start.line ?? 1) + 1 };
				return null;
			case 'heading': {
				if (node.depth !== 2 && node.depth !== 3) {
					report(node, `kop van niveau ${node.depth}: gebruik ## of ### (de titel staat in de frontmatter)`);
					return null;
				}
				const text = plainText(node.children).trim();
				return { type: 'heading', level: node.depth, text, id: slugify(text) };
			}
			case 'paragraph':
				return { type: 'paragraph', html: inline(node) };
			case 'list':
				return {
					type: 'list',
					ordered: !!node.ordered,
					items: node.children.map((item) =>
						item.children
							.map((child) => (child.type === 'paragraph' ? inline(child) : (report(child, 'een opsomming kan geen geneste blokken bevatten'), '')))
							.join(' ')
					)
				};
			case 'code':
				return exercise(node);
			case 'containerDirective':
				return directive(node);
			case 'leafDirective':
				if (node.name === 'begrippen') {
					if (Object.keys(node.attributes ?? {}).length || node.children.length) report(node, '"::begrippen" heeft geen tekst en geen attributen', '::begrippen');
					if (context.glossary.length === 0) report(node, '"::begrippen" toont begrippen.yaml, maar die ontbreekt of is leeg', '::begrippen');
					return { type: 'glossary', entries: context.glossary.map(({ id, term, definition, source }) => ({ id, term, definition, source })) };
				}
				if (node.name === 'quiz-score') {
					attributes(node, 'quiz-score');
					return quizScore(node);
				}
				report(node, `"::${node.name}" bestaat niet; blokken openen met drie dubbele punten: :::naam … :::; toegestaan: ${allowedDirectives}, of ::begrippen, ::quiz-score`);
				return null;
			default:
				report(node, `"${node.type}" wordt niet ondersteund; gebruik tekst, een opsomming of een blok (${allowedDirectives})`);
				return null;
		}
	}

	function exercise(node: Code): Block | null {
		if (node.lang !== 'exercise') {
			report(node, 'een codeblok kan alleen een oefening zijn: begin het met ```exercise');
			return null;
		}
		const result = parseExercise(node.value, (node.position?.start.line ?? 0) + 1);
		for (const issue of result.issues) issues.push({ file, ...issue });
		return result.exercise ? { type: 'exercise', exercise: result.exercise } : null;
	}

	/** The block now; its exercises are filled in once the whole section is read. */
	const scores: { block: Extract<Block, { type: 'quiz-score' }>; node: LeafDirective }[] = [];
	function quizScore(node: LeafDirective): Block {
		const block: Extract<Block, { type: 'quiz-score' }> = { type: 'quiz-score', exercises: [] };
		scores.push({ block, node });
		return block;
	}

	const blocks = convert(tree.children, true);
	// The score counts every scored exercise of this section, wherever it stands (also in tabs or callouts).
	const scored = scoredIn(blocks);
	for (const { block, node } of scores) {
		block.exercises = scored;
		if (!scored.length) report(node, '::quiz-score telt de opdrachten met een goed antwoord op deze pagina, maar hier staan er geen');
	}
	return { frontmatter, blocks, issues };
}

/** The scored exercises in a list of blocks (also inside callouts and tabs), as the score needs them. */
function scoredIn(blocks: Block[]): { id: string; reread?: string }[] {
	return exercisesIn(blocks).flatMap((e) => (e.type === 'reflection' ? [] : [{ id: e.id, ...(e.reread ? { reread: e.reread } : {}) }]));
}
