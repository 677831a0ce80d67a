// Resume codes in the browser: showing a code so it can be read aloud, reading one from a link, and
// which message a failed attempt gets. The server makes and checks codes with the same contract.

import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from './contract/resume-code';

// The alphabet, the length and how a typed code is read are the progress contract's (contract/resume-code.ts).
export { CODE_ALPHABET, CODE_LENGTH, normaliseCode };

/** In groups of four, as the server shows it: "ABCD-EFGH-JKMN-PQ". */
export const groupCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** One symbol at a time, groups apart, so a screen reader spells the code instead of reading words. */
export const spellCode = (code: string): string =>
	code
		.split('-')
		.map((group) => [...group].join(' '))
		.join(', ');

/** The server's QR code as an image source: shown with <img>, so its markup never enters the page. */
export const qrDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * The code in a link (`/verder#code=…`), tidied for the input; the learner still confirms it. The
 * code is in the fragment, which the browser never sends: no server or proxy log sees it.
 */
export function codeFromHash(hash: string): string | null {
	const raw = new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim().slice(0, 40);
	if (!raw) return null;
	const code = normaliseCode(raw);
	return code ? groupCode(code) : raw;
}

/** What went wrong, for the learner; `off` means the e-tool runs without a server. */
export type ResumeProblem = 'unknown' | 'tooMany' | 'offline' | 'server' | 'static';

export function problemFor(status: number | 'off'): ResumeProblem {
	if (status === 'off') return 'static';
	if (status === 0) return 'offline';
	if (status === 404) return 'unknown';
	if (status === 429) return 'tooMany';
	return 'server';
}
