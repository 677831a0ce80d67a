import hyphenNl from 'hyphen/nl';
import { hasFiniteVerb } from './finite-verb';
import { blockText, countWords } from './reading-time';
import type { Block } from './schema';

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = /\b(bijv|bv|o\.a|d\.w\.z|m\.a\.w|t\/m|e\.d|etc|enz|ca|nr|p|blz|dr|mr|drs|ir|prof|jl|vs)\.$/i;

/** Split running text into sentences: at . ! ? followed by a space and a capital, digit or quote. */
export function sentences(text: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (const piece of text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+(?=[A-Z0-9À-Ý"'‘“(])/)) {
		current = current ? `${current} ${piece}` : piece;
		if (!ABBREVIATIONS.test(current)) {
			parts.push(current);
			current = '';
		}
	}
	if (current) parts.push(current);
	return parts.filter((s) => countWords(s) > 0);
}

const HYPHEN = '\u00ad';

/** Syllables of one Dutch word, from hyphenation patterns; a number counts as two. */
export function syllables(word: string): number {
	const letters = word.replace(/[^\p{L}]/gu, '');
	if (!letters) return /\d/.test(word) ? 2 : 0;
	return hyphenNl.hyphenateSync(letters.toLowerCase(), { hyphenChar: HYPHEN, minWordLength: 1 }).split(HYPHEN).length;
}

export interface Readability {
	words: number;
	sentences: number;
	/** Words per sentence. */
	sentenceLength: number;
	syllablesPerWord: number;
	/** 206.835 − 0.93 × words per sentence − 77 × syllables per word. */
	fleschDouma: number;
}

/** Readability of texts where each string is at least one sentence (a paragraph, a list item). */
export function readability(texts: string[]): Readability {
	const all = texts.flatMap(sentences);
	const words = all.flatMap((s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)));
	const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0);
	const sentenceLength = all.length ? words.length / all.length : 0;
	const syllablesPerWord = words.length ? syllableCount / words.length : 0;
	return {
		words: words.length,
		sentences: all.length,
		sentenceLength,
		syllablesPerWord,
		fleschDouma: 206.835 - 0.93 * sentenceLength - 77 * syllablesPerWord
	};
}

/** Running text of a section: prose, lists, quotes, callouts, tabs and figure captions; no headings, exercises or references. */
export function runningText(blocks: Block[]): string[] {
	return blockText(blocks.filter((b) => b.type !== 'heading' && b.type !== 'exercise')).map(decodeEntities);
}

// Block HTML escapes & and ' ("Klik &amp; Tik", "pc&#39;s"): count the characters, not the entities.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decodeEntities = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * Prose of a section where every sentence should stand on its own: paragraphs, quotes, captions and the
 * paragraphs inside callouts and tabs. List items are left out: they finish the sentence that introduces them.
 */
export function proseText(blocks: Block[]): string[] {
	const strip = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, ''));
	return blocks.flatMap((b): string[] => {
		switch (b.type) {
			case 'paragraph':
				return [strip(b.html)];
			case 'quote':
			case 'share':
				return b.paragraphs.map(strip);
			case 'figure':
				return b.caption.map(strip);
			case 'callout':
				return proseText(b.blocks);
			case 'tabs':
				return b.tabs.flatMap((t) => proseText(t.blocks));
			default:
				return [];
		}
	});
}

const CONNECTIVE_OPENER = /^[‘'"(]?(En|Maar|Of|Zo|Dan)\b/;

export interface SentenceChecks {
	/** Sentences without a finite verb (by the heuristic in finite-verb.ts). */
	fragments: string[];
	/** Sentences of fewer than 5 words. */
	short: number;
	/** Sentences that open with En, Maar, Of, Zo or Dan. */
	connectiveOpeners: number;
}

/** Style checks on prose: fragments, very short sentences and sentences leaning on a connective. */
export function sentenceChecks(texts: string[]): SentenceChecks {
	const all = texts.flatMap(sentences);
	return {
		fragments: all.filter((s) => !hasFiniteVerb(s)),
		short: all.filter((s) => countWords(s) < 5).length,
		connectiveOpeners: all.filter((s) => CONNECTIVE_OPENER.test(s)).length
	};
}

/** Target for running text; `maxFragments` is per section. Sentences of 10 to 15 words carry cause and effect best at B1. */
export const TARGET = { sentenceLength: 15, fleschDouma: 60, maxFragments: 2 } as const;
