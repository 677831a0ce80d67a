#!/usr/bin/env node
// `npm run readability`: per section the words, sentences, average sentence length and the
// Flesch-Douma score of its running text, against the target (at most 15 words per sentence,
// a score of at least 60), and three style counts on its prose: sentences without a finite verb
// ("frag"), sentences under 5 words ("kort") and sentences opening with En/Maar/Of/Zo/Dan ("En…").
//
// Fails when a section misses the target without a reason in its frontmatter (`readability: …`),
// or has more than two sentences without a finite verb.
//
// Limits, honestly: Flesch-Douma counts syllables and words, not meaning; a short sentence is not a
// clear one. The finite-verb check is a heuristic (src/lib/content/finite-verb.ts): it knows a few
// hundred Dutch words, misses verbs it has never seen and can take a noun for a verb. Its list of
// fragments is printed so an author can judge each one. The aim is 10 to 15 words a sentence, with
// cause and effect in one sentence, not the shortest sentences that pass.
import { createServer } from 'vite';
import { contentRoot } from './course.mjs';

const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
	const { loadCourse } = await vite.ssrLoadModule('/src/lib/content/loader.server.ts');
	const { readability, runningText, proseText, sentenceChecks, TARGET } = await vite.ssrLoadModule('/src/lib/content/readability.ts');
	// ETOOL_CONTENT reads another content folder (e.g. an older version, to compare).
	const course = loadCourse(contentRoot());
	const rows = [];
	for (const section of course.chapters.flatMap((c) => c.sections)) {
		const r = readability(runningText(section.blocks));
		if (r.words === 0) continue;
		const checks = sentenceChecks(proseText(section.blocks));
		const misses = [];
		if (r.sentenceLength > TARGET.sentenceLength) misses.push(`zinnen gemiddeld ${r.sentenceLength.toFixed(1)} woorden`);
		if (r.fleschDouma < TARGET.fleschDouma) misses.push(`Flesch-Douma ${r.fleschDouma.toFixed(0)}`);
		rows.push({ section, r, checks, misses });
	}
	const pad = (s, n) => String(s).padEnd(n);
	const num = (s, n) => String(s).padStart(n);
	console.log(`Doel voor lopende tekst: gemiddeld hoogstens ${TARGET.sentenceLength} woorden per zin (liefst 10 tot 15), Flesch-Douma minstens ${TARGET.fleschDouma}, hoogstens ${TARGET.maxFragments} zinnen zonder persoonsvorm per sectie.\n`);
	console.log(`${pad('sectie', 46)} ${num('woorden', 8)} ${num('zinnen', 7)} ${num('w/zin', 6)} ${num('lg/w', 5)} ${num('F-D', 5)} ${num('frag', 5)} ${num('kort', 5)} ${num('En…', 4)}  doel`);
	for (const { section, r, checks, misses } of rows) {
		const tooMany = checks.fragments.length > TARGET.maxFragments;
		console.log(
			`${pad(`${section.number} ${section.title}`.slice(0, 46), 46)} ${num(r.words, 8)} ${num(r.sentences, 7)} ${num(r.sentenceLength.toFixed(1), 6)} ${num(r.syllablesPerWord.toFixed(2), 5)} ${num(r.fleschDouma.toFixed(0), 5)} ${num(checks.fragments.length, 5)} ${num(checks.short, 5)} ${num(checks.connectiveOpeners, 4)}  ${misses.length || tooMany ? 'MIST' : 'ok'}`
		);
	}
	const fragmentRows = rows.filter((x) => x.checks.fragments.length);
	if (fragmentRows.length) {
		console.log('\nZinnen zonder persoonsvorm (volgens de heuristiek; beoordeel ze zelf):');
		for (const { section, checks } of fragmentRows) for (const f of checks.fragments) console.log(`- ${section.number}: ${f}`);
	}
	const missing = rows.filter((x) => x.misses.length);
	const unexplained = missing.filter((x) => !x.section.readability);
	if (missing.length) {
		console.log('\nSecties die het doel missen:');
		for (const { section, misses } of missing)
			console.log(`- ${section.number} ${section.title} (${misses.join(', ')}): ${section.readability ?? 'GEEN REDEN OPGEGEVEN (zet "readability: …" in de frontmatter)'}`);
	}
	const fragmented = rows.filter((x) => x.checks.fragments.length > TARGET.maxFragments);
	for (const { section, checks } of fragmented)
		console.log(`\nFOUT: ${section.number} ${section.title} heeft ${checks.fragments.length} zinnen zonder persoonsvorm (hoogstens ${TARGET.maxFragments}). Maak er hele zinnen van.`);
	const total = readability(rows.flatMap((x) => runningText(x.section.blocks)));
	const sum = (k) => rows.reduce((n, x) => n + (k === 'fragments' ? x.checks.fragments.length : x.checks[k]), 0);
	console.log(
		`\nHele e-tool: ${total.words} woorden, ${total.sentenceLength.toFixed(1)} woorden per zin, Flesch-Douma ${total.fleschDouma.toFixed(0)}; ` +
			`${sum('fragments')} zinnen zonder persoonsvorm, ${sum('short')} korter dan 5 woorden, ${sum('connectiveOpeners')} beginnen met En/Maar/Of/Zo/Dan; ` +
			`${missing.length} van ${rows.length} secties missen het doel, ${unexplained.length} zonder reden.`
	);
	process.exitCode = unexplained.length || fragmented.length ? 1 : 0;
} finally {
	await vite.close();
}
