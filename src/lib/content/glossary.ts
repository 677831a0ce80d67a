import type { PhrasingContent, Root, RootContent } from 'mdast';
import { z } from 'zod';
import type { ContentIssue } from './errors';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'kleine letters, cijfers en streepjes' });
const text = z.string({ error: 'moet een tekst zijn' }).trim().min(1, { error: 'mag niet leeg zijn' });

/**
 * One term of `content/<lang>/begrippen.yaml`: the one place where the e-tool defines it.
 * Sections quote the definition with `{{definitie:id}}`, so the wording cannot drift apart.
 */
export const glossaryEntrySchema = z
	.object({
		/** Stable id: the anchor on the Begrippen page (`…/begrippen#id`) and the name in `{{definitie:id}}`. */
		id: slug,
		/** The term as the learner sees it, e.g. "Digitoerusting". */
		term: text,
		/**
		 * The definition, as a phrase that fits after "Digitoerusting:" and reads as a sentence on its own.
		 * Plain text: it is pasted into Markdown and into exercise YAML, so no markup and no ": " or " #".
		 */
		definition: text.refine((d) => !/[*_`[\]{}<>]|: | #|^[-?:!&*'"%@`|>]|\.$/.test(d), {
			error: 'gewone tekst zonder opmaak, zonder ": ", zonder " #" en zonder punt aan het eind (de definitie komt ook midden in zinnen en in oefeningen terecht)'
		}),
		/** The source of the definition, as cited in the text ("Van Dijk, 2020"). */
		source: text.optional(),
		/** Other forms that count as a use of the term in running text ("digitaal geletterde"). The term itself always counts. */
		forms: z.array(text).optional(),
		/** `false` for a term that is also an everyday word ("meedoen"): its first use is then not linked. */
		link: z.boolean().optional(),
		/** The section that introduces the term (`chapter/section`): a test checks that it quotes the definition. */
		introducedIn: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'een sectiepad als hoofdstuk/sectie' }).optional()
	})
	.strict();
export const glossarySchema = z.array(glossaryEntrySchema).min(1, { error: 'de begrippenlijst is leeg' });
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('nl') + s.slice(1);

/** The definition as it appears in a text; `{{Definitie:id}}` (capital D) starts it with a capital. */
export function definitionText(entry: GlossaryEntry, capital: boolean): string {
	return capital ? capitalise(entry.definition) : entry.definition;
}

const reference = /\{\{([Dd])efinitie:([^}\s]*)\}\}/g;

/**
 * Replace every `{{definitie:id}}` in a section file by that term's definition, before parsing.
 * A definition has no line breaks, so the line numbers of later errors stay right.
 */
export function expandDefinitions(source: string, glossary: GlossaryEntry[], file: string): { text: string; issues: ContentIssue[] } {
	const issues: ContentIssue[] = [];
	const byId = new Map(glossary.map((g) => [g.id, g]));
	const lines = source.split('\n');
	const text = lines
		.map((line, i) =>
			line.replace(reference, (whole, d: string, id: string) => {
				const entry = byId.get(id);
				if (entry) return definitionText(entry, d === 'D');
				issues.push({ file, line: i + 1, field: whole, message: `begrip "${id}" staat niet in begrippen.yaml; kies uit: ${[...byId.keys()].join(', ')}` });
				return whole;
			})
		)
		.join('\n');
	return { text, issues };
}

/** Nodes whose text is never linked: headings, links, code and the blocks that list terms or sources. */
const NOT_LINKED = new Set(['heading', 'link', 'code', 'inlineCode', 'yaml', 'leafDirective', 'html']);

/**
 * Link the first use of each defined term on a page to its entry on the Begrippen page.
 * Works on the Markdown tree, so existing links, headings and exercises are left alone;
 * the link text is what the author wrote, so a screen reader reads the sentence as it stands.
 */
export function linkTerms(tree: Root, glossary: GlossaryEntry[], href: (id: string) => string): void {
	const forms = glossary
		.filter((g) => g.link !== false)
		.flatMap((g) => [g.term, ...(g.forms ?? [])].map((form) => ({ form: form.toLowerCase(), id: g.id })))
		.sort((a, b) => b.form.length - a.form.length);
	if (forms.length === 0) return;
	const idOf = new Map(forms.map((f) => [f.form, f.id]));
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(${forms.map((f) => escape(f.form)).join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'giu');
	const linked = new Set<string>();

	function visit(parent: { children: RootContent[] }): void {
		for (let i = 0; i < parent.children.length; i++) {
			const node = parent.children[i]!;
			if (NOT_LINKED.has(node.type)) continue;
			if (node.type === 'containerDirective' && node.name === 'literature') continue;
			if (node.type === 'text') {
				const replacement = split(node.value);
				if (replacement) {
					parent.children.splice(i, 1, ...(replacement as RootContent[]));
					i += replacement.length - 1;
				}
				continue;
			}
			if ('children' in node) visit(node as { children: RootContent[] });
		}
	}

	function split(value: string): PhrasingContent[] | null {
		const out: PhrasingContent[] = [];
		let last = 0;
		pattern.lastIndex = 0;
		for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
			const id = idOf.get(m[1]!.toLowerCase());
			if (!id || linked.has(id)) continue;
			linked.add(id);
			if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
			out.push({ type: 'link', url: href(id), children: [{ type: 'text', value: m[1]! }] });
			last = m.index + m[1]!.length;
		}
		if (out.length === 0) return null;
		if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
		return out;
	}

	visit(tree);
}
