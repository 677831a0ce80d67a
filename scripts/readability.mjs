#!/usr/bin/env node
// `npm run readability`: per section the words, sentences, average sentence length and the
// Flesch-Douma score of its running text, against the target (at most 15 words per sentence,
// a score of at least 60). A section that misses it must say why in its frontmatter
// (`readability: …`); one that misses it without a reason makes the command fail.
import { createServer } from 'vite';

const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
	const { loadCourse } = await vite.ssrLoadModule('/src/lib/content/loader.server.ts');
	const { readability, runningText, TARGET } = await vite.ssrLoadModule('/src/lib/content/readability.ts');
	const course = loadCourse(new URL('../content/nl', import.meta.url).pathname);
	const rows = [];
	for (const section of course.chapters.flatMap((c) => c.sections)) {
		const r = readability(runningText(section.blocks));
		if (r.words === 0) continue;
		const misses = [];
		if (r.sentenceLength > TARGET.sentenceLength) misses.push(`zinnen gemiddeld ${r.sentenceLength.toFixed(1)} woorden`);
		if (r.fleschDouma < TARGET.fleschDouma) misses.push(`Flesch-Douma ${r.fleschDouma.toFixed(0)}`);
		rows.push({ section, r, misses });
	}
	const pad = (s, n) => String(s).padEnd(n);
	const num = (s, n) => String(s).padStart(n);
	console.log(`Doel voor lopende tekst: gemiddeld hoogstens ${TARGET.sentenceLength} woorden per zin, Flesch-Douma minstens ${TARGET.fleschDouma}.\n`);
	console.log(`${pad('sectie', 52)} ${num('woorden', 8)} ${num('zinnen', 7)} ${num('w/zin', 6)} ${num('lg/w', 5)} ${num('F-D', 5)}  doel`);
	for (const { section, r, misses } of rows)
		console.log(
			`${pad(`${section.number} ${section.title}`, 52)} ${num(r.words, 8)} ${num(r.sentences, 7)} ${num(r.sentenceLength.toFixed(1), 6)} ${num(r.syllablesPerWord.toFixed(2), 5)} ${num(r.fleschDouma.toFixed(0), 5)}  ${misses.length ? 'MIST' : 'ok'}`
		);
	const missing = rows.filter((x) => x.misses.length);
	const unexplained = missing.filter((x) => !x.section.readability);
	if (missing.length) {
		console.log('\nSecties die het doel missen:');
		for (const { section, misses } of missing)
			console.log(`- ${section.number} ${section.title} (${misses.join(', ')}): ${section.readability ?? 'GEEN REDEN OPGEGEVEN (zet "readability: …" in de frontmatter)'}`);
	}
	const total = readability(rows.flatMap((x) => runningText(x.section.blocks)));
	console.log(`\nHele e-tool: ${total.words} woorden, ${total.sentenceLength.toFixed(1)} woorden per zin, Flesch-Douma ${total.fleschDouma.toFixed(0)}; ${missing.length} van ${rows.length} secties missen het doel, ${unexplained.length} zonder reden.`);
	process.exitCode = unexplained.length ? 1 : 0;
} finally {
	await vite.close();
}
