import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LIMITS } from '$lib/progress/contract';
import { exercisesIn } from './blocks';
import { ContentError, type ContentIssue } from './errors';
import { expandDefinitions, glossarySchema, type GlossaryEntry } from './glossary';
import { parseSection } from './markdown';
import { chapterMetaSchema, courseMetaSchema, sectionFrontmatterSchema, type Block, type Chapter, type Course, type Section } from './schema';
import { parseYaml } from './yaml-block';
import { readingMinutes } from './reading-time';

// Kept here for the authoring scripts and specs that import it with the loader; its home is blocks.ts.
export { exercisesIn };

// The number prefix sets the order and the number the learner sees ("2.1"); it is not in the URL.
const numbered = /^(\d+)-([a-z0-9-]+?)(\.md)?$/;

/** Folders and files with a number prefix, in that order. */
function entries(dir: string, wantDir: boolean) {
	return readdirSync(dir)
		.map((name) => ({ name, match: numbered.exec(name) }))
		.filter((e) => e.match && statSync(join(dir, e.name)).isDirectory() === wantDir && (wantDir || e.name.endsWith('.md')))
		.sort((a, b) => Number(a.match![1]) - Number(b.match![1]))
		.map((e) => ({ name: e.name, slug: e.match![2]!, number: Number(e.match![1]) }));
}

/**
 * Load and check the whole e-tool from `content/<lang>/`. Throws a {@link ContentError} that lists
 * every problem (file, line, field, what is allowed), so the build stops with a useful message.
 */
export function loadCourse(root: string): Course {
	const issues: ContentIssue[] = [];
	const rel = (p: string) => relative(process.cwd(), p) || p;
	const readYaml = <T>(file: string, schema: import('zod').ZodType<T>): T | null => {
		if (!existsSync(file)) {
			issues.push({ file: rel(file), message: 'dit bestand ontbreekt' });
			return null;
		}
		const { data, issues: found } = parseYaml(readFileSync(file, 'utf8'), schema, 1);
		issues.push(...found.map((i) => ({ file: rel(file), ...i })));
		return data;
	};

	const meta = readYaml(join(root, 'course.yaml'), courseMetaSchema);
	// The glossary is optional: an e-tool without begrippen.yaml has no term links and no Begrippen page.
	const glossaryFile = join(root, 'begrippen.yaml');
	const glossary: GlossaryEntry[] = existsSync(glossaryFile) ? (readYaml(glossaryFile, glossarySchema) ?? []) : [];
	issues.push(...duplicateTerms(glossary, rel(glossaryFile)));
	const chapterDirs = entries(root, true).map((c) => ({ ...c, files: entries(join(root, c.name), false) }));
	const glossaryPage = chapterDirs
		.flatMap((c) => c.files.map((f) => ({ path: `${c.slug}/${f.slug}`, file: join(root, c.name, f.name) })))
		.find((s) => /^::begrippen\s*$/m.test(readFileSync(s.file, 'utf8')));

	const chapters: Chapter[] = [];
	for (const chapterDir of chapterDirs) {
		const dir = join(root, chapterDir.name);
		const chapterMeta = readYaml(join(dir, '_chapter.yaml'), chapterMetaSchema);
		const sections: Section[] = [];
		for (const file of chapterDir.files) {
			const path = join(dir, file.name);
			const expanded = expandDefinitions(readFileSync(path, 'utf8'), glossary, rel(path));
			issues.push(...expanded.issues);
			const onGlossaryPage = glossaryPage?.file === path;
			const termHref = glossaryPage && !onGlossaryPage ? (id: string) => `/${glossaryPage.path}#${id}` : undefined;
			const parsed = parseSection(expanded.text, rel(path), { glossary, termHref });
			issues.push(...parsed.issues);
			if (!parsed.frontmatter) {
				issues.push({ file: rel(path), line: 1, field: 'title', message: 'de frontmatter met een title ontbreekt (--- title: … ---)' });
				continue;
			}
			const fm = parseYaml(parsed.frontmatter.text, sectionFrontmatterSchema, parsed.frontmatter.line);
			issues.push(...fm.issues.map((i) => ({ file: rel(path), ...i })));
			if (!fm.data) continue;
			const exercises = exercisesIn(parsed.blocks);
			const sectionPath = `${chapterDir.slug}/${file.slug}`;
			// The path is stored with every visit (progress contract): it must fit the limit there.
			if (sectionPath.length > LIMITS.path)
				issues.push({ file: rel(path), message: `het pad "${sectionPath}" is langer dan ${LIMITS.path} tekens; kort de map- of bestandsnaam in` });
			sections.push({
				path: sectionPath,
				number: `${chapterDir.number}.${file.number}`,
				title: fm.data.title,
				summary: fm.data.summary,
				readability: fm.data.readability,
				blocks: parsed.blocks,
				exerciseIds: exercises.map((e) => e.id),
				minutes: readingMinutes(parsed.blocks)
			});
		}
		if (sections.length === 0) issues.push({ file: rel(dir), message: 'dit hoofdstuk heeft geen secties (bestanden als 01-naam.md)' });
		if (chapterMeta) chapters.push({ slug: chapterDir.slug, number: chapterDir.number, title: chapterMeta.title, ...(chapterMeta.appendix ? { appendix: true } : {}), sections });
	}
	if (chapters.length === 0) issues.push({ file: rel(root), message: 'geen hoofdstukken gevonden (mappen als 01-naam/)' });

	issues.push(...crossCheck(chapters, rel(root)));
	const paths = new Set(chapters.flatMap((c) => c.sections.map((s) => s.path)));
	for (const g of glossary)
		if (g.introducedIn && !paths.has(g.introducedIn))
			issues.push({ file: rel(glossaryFile), field: `${g.id}.introducedIn`, message: `sectie "${g.introducedIn}" bestaat niet` });
	if (issues.length || !meta) throw new ContentError(issues);
	return { ...meta, chapters, glossary };
}

/** Two entries with one id, or one form claimed by two terms, would make links ambiguous. */
function duplicateTerms(glossary: GlossaryEntry[], file: string): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const ids = new Set<string>();
	const forms = new Map<string, string>();
	for (const g of glossary) {
		if (ids.has(g.id)) issues.push({ file, field: g.id, message: `begrip-id "${g.id}" komt twee keer voor` });
		ids.add(g.id);
		for (const form of [g.term, ...(g.forms ?? [])].map((f) => f.toLowerCase())) {
			const other = forms.get(form);
			if (other && other !== g.id) issues.push({ file, field: g.id, message: `"${form}" hoort al bij begrip "${other}"` });
			forms.set(form, g.id);
		}
	}
	return issues;
}

/** Checks that span files: unique exercise ids, and `reread` naming a section that exists. */
function crossCheck(chapters: Chapter[], where: string): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const paths = new Set(chapters.flatMap((c) => c.sections.map((s) => s.path)));
	const seen = new Map<string, string>();
	for (const section of chapters.flatMap((c) => c.sections)) {
		for (const exercise of exercisesIn(section.blocks)) {
			const file = `${where}/${section.path}`;
			const first = seen.get(exercise.id);
			if (first) issues.push({ file, field: 'id', message: `oefening-id "${exercise.id}" komt al voor in ${first}; elk id is uniek` });
			seen.set(exercise.id, section.path);
			if ('reread' in exercise && exercise.reread && !paths.has(exercise.reread))
				issues.push({ file, field: `${exercise.id}.reread`, message: `sectie "${exercise.reread}" bestaat niet; kies uit: ${[...paths].join(', ')}` });
		}
	}
	return issues;
}
