import { z } from 'zod';
import type { Exercise } from '$lib/exercises/schemas';

const text = z.string({ error: 'moet een tekst zijn' }).trim().min(1, { error: 'mag niet leeg zijn' });

/** `content/<lang>/course.yaml`: what the e-tool is, shown on the start page. */
export const courseMetaSchema = z
	.object({
		/**
		 * Stable id of the e-tool: the key under which a learner's progress is stored (on the device,
		 * on the server, in an LMS). Changing it starts every learner afresh.
		 */
		id: z.string({ error: 'moet een tekst zijn' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'kleine letters, cijfers en streepjes (bijv. "digitale-kloof")' }).max(64, { error: 'hoogstens 64 tekens' }),
		/** Language of the e-tool as a BCP 47 tag (`nl`, `nl-BE`): the pages' `lang` and the strings file `src/lib/i18n/<lang>.json`. */
		lang: z.string({ error: 'moet een tekst zijn' }).regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { error: 'een taalcode zoals "nl" of "nl-BE"' }),
		/** Name of the e-tool. */
		title: text,
		/** One line under the title. */
		subtitle: text,
		/** Two or three sentences: what the e-tool offers. */
		description: text,
		/** For whom it is written. */
		audience: text,
		/** How long it takes, in words ("ongeveer 60 minuten"). */
		duration: text,
		/** What the learner gets, as short points. */
		offers: z.array(text).min(1),
		/** Who made it. */
		publisher: text,
		/** Who paid for it (optional). */
		funder: text.optional()
	})
	.strict();
export type CourseMeta = z.infer<typeof courseMetaSchema>;

/** `_chapter.yaml` in each chapter folder. */
export const chapterMetaSchema = z
	.object({
		title: text,
		/** Reference material (sources, colophon): readable, but not counted in the learner's progress. */
		appendix: z.boolean().optional()
	})
	.strict();

/** Frontmatter of a section file. */
export const sectionFrontmatterSchema = z
	.object({
		title: text,
		/** One sentence for the table of contents. */
		summary: text.optional(),
		/** Why this section cannot meet the readability target (`npm run readability`), if it cannot. */
		readability: text.optional()
	})
	.strict();

/** Attributes of each directive, per name. Unknown names or attributes are errors. */
export const directiveSchemas = {
	quote: z.object({ source: text }).strict(),
	callout: z
		.object({ variant: z.enum(['tip', 'praktijkvoorbeeld', 'let-op']), title: text.optional() })
		.strict(),
	tabs: z.object({ label: text }).strict(),
	tab: z.object({ label: text }).strict(),
	figure: z
		.object({
			id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'kleine letters, cijfers en streepjes' }),
			source: text,
			title: text.optional(),
			chart: z.enum(['bar']).optional(),
			unit: z.string().max(12).optional()
		})
		.strict(),
	literature: z.object({}).strict(),
	/** "Deel deze e-tool": the device's share sheet, or copy the link. Holds an optional short intro. */
	share: z.object({}).strict(),
	/** "In het kort" at the top of a section: one list of exactly three points drawn from the section's text. */
	'in-het-kort': z.object({}).strict(),
	/** `::begrippen` (a leaf, no content): the whole glossary from `begrippen.yaml`, as a definition list. */
	begrippen: z.object({}).strict(),
	/**
	 * `::quiz-score` (a leaf: two colons, no content): how many of the scored exercises on this
	 * page the learner had right at the first try, and which sections to reread.
	 */
	'quiz-score': z.object({}).strict()
} as const;
export type DirectiveName = keyof typeof directiveSchemas;

/** Inline Markdown, rendered to safe HTML at build time (only em, strong, a, code, br). */
export type Html = string;

export type Block =
	| { type: 'heading'; level: 2 | 3; text: string; id: string }
	| { type: 'paragraph'; html: Html }
	| { type: 'list'; ordered: boolean; items: Html[] }
	| { type: 'quote'; paragraphs: Html[]; source: string }
	| { type: 'callout'; variant: 'tip' | 'praktijkvoorbeeld' | 'let-op'; title?: string; blocks: Block[] }
	| { type: 'tabs'; label: string; tabs: { label: string; blocks: Block[] }[] }
	| {
			type: 'figure';
			id: string;
			title?: string;
			caption: Html[];
			source: string;
			chart?: { kind: 'bar'; unit: string; labelHeader: string; valueHeader: string; data: { label: string; value: number }[] };
	  }
	| { type: 'literature'; entries: Html[] }
	| { type: 'share'; paragraphs: Html[] }
	| { type: 'in-het-kort'; items: Html[] }
	| { type: 'glossary'; entries: { id: string; term: string; definition: string; source?: string }[] }
	/** The score over the scored exercises of the section it is in (filled in by the parser). */
	| { type: 'quiz-score'; exercises: { id: string; reread?: string }[] }
	| { type: 'exercise'; exercise: Exercise };

export interface Section {
	/** `chapter/section`, also the URL path. */
	path: string;
	/** "2.1": chapter and section number, from the folder order. */
	number: string;
	title: string;
	summary?: string;
	/** The author's reason when the section misses the readability target. */
	readability?: string;
	blocks: Block[];
	/** Ids of the exercises in this section, in order. */
	exerciseIds: string[];
	/** Estimated reading time in whole minutes, exercises included. */
	minutes: number;
}

export interface Chapter {
	slug: string;
	number: number;
	title: string;
	/** From `_chapter.yaml`: reference material, not counted in progress. */
	appendix?: boolean;
	sections: Section[];
}

export interface Course extends CourseMeta {
	chapters: Chapter[];
	/** Every defined term (`begrippen.yaml`), in the order of that file. */
	glossary: import('./glossary').GlossaryEntry[];
}
