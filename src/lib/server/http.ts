import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { headerList, type ResponseContext } from './headers';

// The request and response shapes of the API's own router (router.ts), straight on node:http:
// SvelteKit's conversion of every request into a Fetch `Request` and back took 14-17 % of a save
// (decision 0005). What SvelteKit's adapter did for the API is done here the same way: the URL the
// same (ORIGIN, or the protocol and host headers server.js names), the cookie parsed the same, an
// answer with the same headers.

/** One API request, as the routes see it. */
export interface ApiRequest {
	method: string;
	/** The origin as adapter-node made it (`new URL(…).origin`: scheme and host lower case, no default port). */
	origin: string;
	/** The path as `new URL` gives it: dot segments resolved, percent-encoding kept. */
	path: string;
	https: boolean;
	headers: IncomingHttpHeaders;
	raw: IncomingMessage;
	/** What the answer's headers need (server.js made it): the request id and whether it came over https. */
	context: ResponseContext;
}

/** One API answer; the router writes it. */
export interface ApiResponse {
	status: number;
	/** Sent as JSON (not for 204). */
	body?: unknown;
	headers?: Record<string, string>;
}

/**
 * The origin adapter-node would give this request: ORIGIN when set, otherwise the protocol from
 * PROTOCOL_HEADER (server.js sets its own, which it overwrites on every request) and the host from
 * HOST_HEADER (with TRUST_PROXY) or Host, and PORT_HEADER when set.
 */
export function requestOrigin(headers: IncomingHttpHeaders, env?: NodeJS.ProcessEnv): string {
	const { origin, protocolHeader, hostHeader, portHeader } = env ? originSettings(env) : (fromProcess ??= originSettings(process.env));
	if (origin) return origin;
	const protocol = one(headers, protocolHeader) || 'https';
	const host = one(headers, hostHeader) || one(headers, 'host');
	const port = one(headers, portHeader);
	return port ? `${protocol}://${host}:${port}` : `${protocol}://${host}`;
}

/** A header's first value (a function of its own, not a closure made per request). */
function one(headers: IncomingHttpHeaders, name: string | undefined): string | undefined {
	const value = name ? headers[name] : undefined;
	return Array.isArray(value) ? value[0] : value;
}

/** What requestOrigin reads from the environment, header names in lower case (as node:http keys them). */
const originSettings = (env: NodeJS.ProcessEnv) => ({
	origin: env.ORIGIN,
	protocolHeader: env.PROTOCOL_HEADER?.toLowerCase(),
	hostHeader: env.HOST_HEADER?.toLowerCase(),
	portHeader: env.PORT_HEADER?.toLowerCase()
});
// Read once, at the first request (server.js has set them before it takes requests): four
// process.env reads per request were 2 % of a save (process.env is not a plain object).
let fromProcess: ReturnType<typeof originSettings> | undefined;

// Parsing a whole URL per request cost 2 % of a save; the origin takes few values (one, behind a
// proxy a handful), and a plain path needs no parsing. Anything else goes through `new URL`.
const origins = new Map<string, URL | null>();
function parsedOrigin(origin: string): URL | null {
	let parsed = origins.get(origin);
	if (parsed === undefined) {
		try {
			parsed = new URL(origin);
		} catch {
			parsed = null;
		}
		if (origins.size >= 100) origins.clear(); // only a proxy's Host header varies, and then little
		origins.set(origin, parsed);
	}
	return parsed;
}

/** A path `new URL` leaves as it is: letters, digits, `-`, `_` and single slashes between. */
const PLAIN_PATH = /^(\/[A-Za-z0-9_-]+)+(?=\?|$)|^\/(?=\?|$)/;

/** The request as the routes see it; null when its URL cannot be made (a host header that is no host). */
export function apiRequest(req: IncomingMessage, context: ResponseContext): ApiRequest | null {
	const base = parsedOrigin(requestOrigin(req.headers));
	if (!base) return null;
	const target = req.url ?? '/';
	let path = PLAIN_PATH.exec(target)?.[0];
	if (path === undefined) {
		try {
			path = new URL(target, base).pathname;
		} catch {
			return null;
		}
	}
	return { method: req.method ?? 'GET', origin: base.origin, path, https: base.protocol === 'https:', headers: req.headers, raw: req, context };
}

/** One header's value as the Fetch API would give it (several values joined), or null. */
export function header(req: ApiRequest, name: string): string | null {
	const value = req.headers[name];
	if (value === undefined) return null;
	return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * A cookie's value as SvelteKit read it (the `cookie` package without decoding): the first pair
 * with that name wins, surrounding quotes are dropped.
 */
export function cookieValue(req: ApiRequest, name: string): string | undefined {
	const source = req.headers.cookie;
	if (!source) return undefined;
	let index = 0;
	while (index < source.length) {
		const eq = source.indexOf('=', index);
		if (eq === -1) break;
		let end = source.indexOf(';', index);
		if (end === -1) end = source.length;
		else if (end < eq) {
			index = source.lastIndexOf(';', eq - 1) + 1;
			continue;
		}
		if (source.slice(index, eq).trim() === name) {
			let value = source.slice(eq + 1, end).trim();
			if (value.charCodeAt(0) === 0x22) value = value.slice(1, -1);
			return value;
		}
		index = end + 1;
	}
	return undefined;
}

/** A JSON answer that no cache keeps: it is one learner's data. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
	return { status, body, headers };
}

/**
 * Write an answer, head and body in one write: the whole header list made here as one flat array
 * for `writeHead` (headers.ts), with its `content-length`. A HEAD request gets the headers only
 * (without a length, as before: Node adds none to a response without a body).
 */
export function send(res: ServerResponse, method: string, answer: ApiResponse, context: ResponseContext): void {
	const text = answer.status === 204 ? undefined : JSON.stringify(answer.body);
	const list = headerList(context);
	if (text !== undefined) list.push('content-type', 'application/json; charset=utf-8');
	list.push('cache-control', 'no-store');
	const extra = answer.headers;
	if (extra) for (const name in extra) list.push(name, extra[name]!);
	if (method === 'HEAD' || text === undefined) {
		res.writeHead(answer.status, list);
		res.end();
	} else {
		list.push('content-length', String(Buffer.byteLength(text)));
		res.writeHead(answer.status, list);
		res.end(text);
	}
}
