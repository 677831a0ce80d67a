import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { z } from 'zod';
import { parseBody } from './api-schema';
import { getDb, resetDbAfter, settings } from './context';
import type { Db } from './db';
import { describeError, logLine } from './log';
import { learnerFrom } from './learner-cookie';
import { newLearnerId } from './progress-store';
import { hit, hitLocal, LEARNER_WRITES, NEW_LEARNERS, type Limit } from './rate-limit';

// What every route of /api shares: JSON answers and errors, the checks on writes, the body limit,
// and the mapping of failures to statuses, so that bad input never becomes a 5xx.

/** Largest request body: 64 KB (docs/api.md). server.js sets adapter-node's BODY_SIZE_LIMIT to the same. */
export const BODY_LIMIT = 64 * 1024;

/** An answer the route has decided on: `{ error: { code, message } }` with this status. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}

/** The database failed (down, unreachable, a migration that does not apply): 503, not 500. */
class StorageUnavailable extends Error {}

/** A JSON response that no cache keeps: it is one learner's data. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(status === 204 ? null : JSON.stringify(body), {
		status,
		headers: { ...(status === 204 ? {} : { 'content-type': 'application/json; charset=utf-8' }), 'cache-control': 'no-store', ...headers }
	});
}

const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** Wrap a route: ApiError → its status, a storage failure → 503, anything else → 500 and a log line. */
export function apiRoute(handle: (event: RequestEvent) => Promise<Response>): RequestHandler {
	return async (event) => {
		try {
			return await handle(event);
		} catch (error) {
			if (error instanceof ApiError) return jsonResponse(error.status, errorBody(error.code, error.message), error.headers);
			const storage = error instanceof StorageUnavailable;
			logLine({ event: storage ? 'storage-error' : 'route-error', path: event.url.pathname, ...describeError(storage ? error.cause : error) });
			return storage
				? jsonResponse(503, errorBody('storage_unavailable', 'De opslag van de server werkt nu niet. Je antwoorden blijven op dit apparaat; probeer het later opnieuw.'), { 'retry-after': '30' })
				: jsonResponse(500, errorBody('server_error', 'Er ging iets mis op de server. Probeer het later opnieuw.'));
		}
	};
}

/** Run database work; whatever it throws (other than an ApiError) means the storage failed. */
export async function withStorage<T>(work: (db: Db) => Promise<T>): Promise<T> {
	try {
		return await work(await getDb());
	} catch (error) {
		if (error instanceof ApiError) throw error;
		resetDbAfter(error);
		throw new StorageUnavailable('storage', { cause: error });
	}
}

/**
 * Checks on every write: an `Origin` (when the browser sends one) equal to ours, else 403; and a
 * JSON body, else 415. A write without a body (DELETE, "make a code") may leave out Content-Type.
 */
export function guardWrite({ request, url }: RequestEvent, { body }: { body: boolean }): void {
	const origin = request.headers.get('origin');
	if (origin !== null && origin !== url.origin)
		throw new ApiError(403, 'foreign_origin', 'Deze aanvraag komt van een andere website en wordt geweigerd.');
	const type = request.headers.get('content-type');
	const mediaType = type?.split(';')[0]!.trim().toLowerCase();
	if ((type !== null || body) && mediaType !== 'application/json')
		throw new ApiError(415, 'unsupported_media_type', 'Stuur de gegevens als JSON (Content-Type: application/json).');
}

const tooLarge = () => new ApiError(413, 'body_too_large', 'De aanvraag is te groot: hoogstens 64 KB.');

/** Read the body ourselves, stopping at 64 KB whatever Content-Length claims, and parse it as JSON. */
export async function readJson(request: Request): Promise<unknown> {
	const declared = Number(request.headers.get('content-length'));
	if (declared > BODY_LIMIT) throw tooLarge();
	if (!request.body) throw new ApiError(400, 'empty_body', 'De aanvraag heeft geen inhoud; verwacht is JSON.');
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > BODY_LIMIT) {
				await reader.cancel().catch(() => undefined);
				throw tooLarge();
			}
			chunks.push(value);
		}
	} catch (error) {
		if (error instanceof ApiError) throw error;
		// adapter-node stops a body over its BODY_SIZE_LIMIT with status 413; anything else is a broken upload.
		if ((error as { status?: number }).status === 413) throw tooLarge();
		throw new ApiError(400, 'unreadable_body', 'De inhoud van de aanvraag kwam niet goed aan.');
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
		return JSON.parse(text) as unknown;
	} catch {
		throw new ApiError(400, 'invalid_json', 'De inhoud is geen geldige JSON.');
	}
}

/** Read, parse and check a body against a schema: 413, 400 (JSON) or 400 (fields) with a Dutch message. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	const parsed = parseBody(schema, await readJson(request));
	if ('message' in parsed) throw new ApiError(400, 'invalid_body', parsed.message);
	return parsed.data;
}

/**
 * The client's address. X-Forwarded-For only with TRUST_PROXY, and then the entry our outermost
 * proxy added (TRUST_PROXY=1: the last); entries before it are whatever the client claimed.
 */
export function clientAddress({ request, getClientAddress }: RequestEvent): string {
	const hops = settings().trustProxy;
	const forwarded = hops ? request.headers.get('x-forwarded-for')?.split(',') : undefined;
	const address = forwarded?.[Math.max(0, forwarded.length - hops)]?.trim();
	if (address) return address;
	try {
		return getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** Count a hit; over the limit → 429 with Retry-After and a Dutch message. */
export async function enforceLimit(limit: Limit, subject: string, message: string): Promise<void> {
	const verdict = limit.local ? hitLocal(limit, subject) : await withStorage((db) => hit(db, limit, subject));
	if (!verdict.allowed) {
		const minutes = Math.ceil(verdict.retryAfter / 60);
		throw new ApiError(429, 'too_many_requests', `${message} Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`, {
			'retry-after': String(verdict.retryAfter)
		});
	}
}

/**
 * The learner a write is for: the one in the signed cookie, or a new one with an id the server
 * makes. A new learner counts against the limit per address, and every write against the limit per
 * learner; as only the server issues ids, no client escapes both by inventing cookies.
 */
export async function learnerForWrite(event: RequestEvent, message: string): Promise<string> {
	const known = await withStorage(() => learnerFrom(event));
	if (!known) await enforceLimit(NEW_LEARNERS, clientAddress(event), message);
	const learnerId = known ?? newLearnerId();
	await enforceLimit(LEARNER_WRITES, learnerId, message);
	return learnerId;
}
