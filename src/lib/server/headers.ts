import type { ServerResponse } from 'node:http';

// The headers every response carries, defined once: server.js sets them on pages (SvelteKit writes
// those), the API's router (http.ts) sends them as one flat list with `writeHead`. Setting seven
// headers one `setHeader` at a time on every API answer (each checked, lower-cased and stored, then
// read back and checked again when the head is written) was a measurable part of a save (decision 0005).

/**
 * Sent with every response. The CSP allows only our own files: the islands are external module
 * scripts and their props are `<script type="application/json">` blocks, which are data, never run.
 * Pages carry no inline style: src/app.html's wrapper has no `style` attribute for this reason.
 * Permissions-Policy leaves out web-share and clipboard: the share button uses them.
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
	[
		'content-security-policy',
		"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
	],
	['x-content-type-options', 'nosniff'],
	['referrer-policy', 'same-origin'],
	['x-frame-options', 'DENY'],
	['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
	['cross-origin-opener-policy', 'same-origin']
];

/** Only on https (our own socket, or what our proxy says): a browser must not be told this over plain http. */
const HSTS = ['strict-transport-security', 'max-age=31536000'] as const;

/** What one response needs to know to carry its headers: its request id, and whether it came over https. */
export interface ResponseContext {
	requestId: string;
	https: boolean;
}

// The security headers as one flat list `[name, value, name, value, …]`, made once, with and without HSTS.
const FLAT = SECURITY_HEADERS.flat();
const FLAT_HTTPS = [...FLAT, ...HSTS];

/**
 * The start of an answer's flat header list (security headers, HSTS on https, the request id), a
 * fresh array the caller may push its own headers onto and hand to `res.writeHead(status, list)`.
 */
export function headerList(context: ResponseContext): string[] {
	const list = (context.https ? FLAT_HTTPS : FLAT).slice();
	list.push('x-request-id', context.requestId);
	return list;
}

/** The same headers one by one, for responses someone else writes (pages, refusals, event streams). */
export function setSecurityHeaders(res: ServerResponse, context: ResponseContext): void {
	for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
	if (context.https) res.setHeader(HSTS[0], HSTS[1]);
	res.setHeader('x-request-id', context.requestId);
}
