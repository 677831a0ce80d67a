// Resume codes: the alphabet and how a typed code is read, shared by the browser and the server
// (src/lib/server/progress-store.ts makes and checks the codes with these); and, for the browser,
// showing a code so it can be read aloud, and which message a failed attempt gets.

/** Symbols without look-alikes (no 0/O, 1/I/L, U): 30 of them, so 14 carry ≈ 68.7 bits. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 14;

/** A typed code without case, spaces and dashes, or null when it cannot be a code (saves a try). */
export function normaliseCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

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
