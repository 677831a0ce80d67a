import { isAscii } from 'node:buffer';
import type { z } from 'zod';
import { parseBody } from './api-schema';
import { dbNow, getDb, learnerKey, learnerKeyNow, resetDbAfter, settings } from './context';
import type { Db } from './db';
import { header, jsonResponse, type ApiRequest, type ApiResponse } from './http';
import { signedLearner } from './learner-cookie';
import { describeError, logLine } from './log';
import { newLearnerId } from './progress-store';
import { hit, hitLocal, LEARNER_WRITES, NEW_LEARNERS, type Limit, type Verdict } from './rate-limit';

// What every route of /api shares (routes.ts): JSON errors, the checks on writes, the body limit,
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

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** What a thrown error becomes: ApiError → its status, a storage failure → 503, anything else → 500 and a log line. */
export function errorResponse(error: unknown, path: string): ApiResponse {
	if (error instanceof ApiError) return jsonResponse(error.status, errorBody(error.code, error.message), error.headers);
	const storage = error instanceof StorageUnavailable;
	logLine({ event: storage ? 'storage-error' : 'route-error', path, ...describeError(storage ? error.cause : error) });
	return storage
		? jsonResponse(503, errorBody('storage_unavailable', 'De opslag van de server werkt nu niet. Je antwoorden blijven op dit apparaat; probeer het later opnieuw.'), { 'retry-after': '30' })
		: jsonResponse(500, errorBody('server_error', 'Er ging iets mis op de server. Probeer het later opnieuw.'));
}

/** Run database work; whatever it throws (other than an ApiError) means the storage failed. */
export async function withStorage<T>(work: (db: Db) => Promise<T>): Promise<T> {
	try {
		return await work(dbNow() ?? (await getDb()));
	} catch (error) {
		return storageFailed(error);
	}
}

/** What withStorage makes of a failure: an ApiError as it is, anything else a storage failure (503). */
function storageFailed(error: unknown): never {
	if (error instanceof ApiError) throw error;
	resetDbAfter(error);
	throw new StorageUnavailable('storage', { cause: error });
}

/**
 * Checks on every write: an `Origin` (when the browser sends one) equal to ours, else 403; and a
 * JSON body, else 415. A write without a body (DELETE, "make a code") may leave out Content-Type.
 */
export function guardWrite(req: ApiRequest, { body }: { body: boolean }): void {
	const origin = header(req, 'origin');
	if (origin !== null && origin !== req.origin)
		throw new ApiError(403, 'foreign_origin', 'Deze aanvraag komt van een andere website en wordt geweigerd.');
	const type = header(req, 'content-type');
	// (The usual value as it is; anything else split, trimmed and lower-cased.)
	const mediaType = type === 'application/json' ? type : type?.split(';')[0]!.trim().toLowerCase();
	if ((type !== null || body) && mediaType !== 'application/json')
		throw new ApiError(415, 'unsupported_media_type', 'Stuur de gegevens als JSON (Content-Type: application/json).');
}

const tooLarge = () => new ApiError(413, 'body_too_large', 'De aanvraag is te groot: hoogstens 64 KB.');

/**
 * Read the body ourselves, stopping at 64 KB whatever Content-Length claims, and parse it as JSON.
 * No body is what adapter-node took for none: no Content-Type, or neither a length nor chunks, or length 0.
 */
export const readJson = (req: ApiRequest): Promise<unknown> => readParsed(req, (input) => input);

/**
 * Read, parse and check a body against a schema: 413, 400 (JSON) or 400 (fields) with a Dutch message.
 * `quick` may take the usual body first (sync-body.ts); what it does not take, the schema decides.
 */
export function readBody<S extends z.ZodType>(req: ApiRequest, schema: S, quick?: (input: unknown) => z.output<S> | undefined): Promise<z.output<S>> {
	return readParsed(req, (input) => {
		const taken = quick?.(input);
		if (taken !== undefined) return taken;
		const parsed = parseBody(schema, input);
		if ('message' in parsed) throw new ApiError(400, 'invalid_body', parsed.message);
		return parsed.data;
	});
}

/**
 * readJson and readBody in one promise: the body is parsed and `take` checks it in the stream's
 * 'end' listener, instead of an async function per layer awaiting the one below (each layer was a
 * promise and a turn of the microtask queue per save).
 */
function readParsed<T>(req: ApiRequest, take: (input: unknown) => T): Promise<T> {
	const declared = Number(req.headers['content-length']);
	if (declared > BODY_LIMIT) return Promise.reject(tooLarge());
	const none = !req.headers['content-type'] || (req.raw.httpVersionMajor === 1 && !Number.isFinite(declared) && req.headers['transfer-encoding'] == null) || declared === 0;
	if (none) return Promise.reject(new ApiError(400, 'empty_body', 'De aanvraag heeft geen inhoud; verwacht is JSON.'));
	return new Promise<T>((resolve, reject) => {
		const raw = req.raw;
		const chunks: Buffer[] = [];
		let size = 0;
		let done = false;
		const fail = (error: ApiError) => {
			if (done) return;
			done = true;
			reject(error);
		};
		raw.on('data', (chunk: Buffer) => {
			if (done) return; // over the limit: the rest is read and dropped, as adapter-node did
			size += chunk.length;
			if (size > BODY_LIMIT) fail(tooLarge());
			else chunks.push(chunk);
		});
		raw.on('end', () => {
			if (done) return;
			done = true;
			let input: unknown;
			try {
				input = parseJson(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
			} catch {
				reject(new ApiError(400, 'invalid_json', 'De inhoud is geen geldige JSON.'));
				return;
			}
			try {
				resolve(take(input));
			} catch (error) {
				reject(error);
			}
		});
		const broken = () => fail(new ApiError(400, 'unreadable_body', 'De inhoud van de aanvraag kwam niet goed aan.'));
		raw.on('error', broken);
		raw.on('close', () => {
			if (!raw.complete) broken();
		});
	});
}

// Plain ASCII (the usual body: JSON escapes what it does not need) is the same text in UTF-8 and
// Latin-1, and Latin-1 is the cheapest to read; anything else is decoded strictly.
const parseJson = (body: Buffer): unknown => JSON.parse(isAscii(body) ? body.toString('latin1') : utf8.decode(body));

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The client's address. X-Forwarded-For only with TRUST_PROXY, and then the entry our outermost
 * proxy added (TRUST_PROXY=1: the last); entries before it are whatever the client claimed.
 */
export function clientAddress(req: ApiRequest): string {
	const hops = settings().trustProxy;
	const forwarded = hops ? header(req, 'x-forwarded-for')?.split(',') : undefined;
	const address = forwarded?.[Math.max(0, forwarded.length - hops)]?.trim();
	return address || connectionAddress(req);
}

/**
 * The address adapter-node's getClientAddress() gave: the socket's, or with ADDRESS_HEADER (its
 * own variable) that header, for X-Forwarded-For the entry XFF_DEPTH from the end. Where it threw
 * (header missing, too few entries), 'unknown'.
 */
function connectionAddress(req: ApiRequest): string {
	const name = process.env.ADDRESS_HEADER?.toLowerCase();
	if (!name) return req.raw.socket.remoteAddress || 'unknown';
	const value = header(req, name);
	if (value === null) return 'unknown';
	if (name !== 'x-forwarded-for') return value;
	const depth = Number(process.env.XFF_DEPTH ?? 1);
	const addresses = value.split(',');
	return depth >= 1 && depth <= addresses.length ? addresses[addresses.length - depth]!.trim() : 'unknown';
}

/** Over the limit → 429 with Retry-After and a Dutch message. */
function refuseOver(verdict: Verdict, message: string): void {
	if (!verdict.allowed) {
		const minutes = Math.ceil(verdict.retryAfter / 60);
		throw new ApiError(429, 'too_many_requests', `${message} Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`, {
			'retry-after': String(verdict.retryAfter)
		});
	}
}

/**
 * Count a hit; over the limit → 429 (refuseOver). A limit kept in memory (`local`, the one per
 * learner on every save) is counted at once and gives no promise: awaiting one per save cost time.
 */
export function enforceLimit(limit: Limit, subject: string, message: string): Promise<void> | undefined {
	if (limit.local) {
		refuseOver(hitLocal(limit, subject), message);
		return undefined;
	}
	return withStorage((db) => hit(db, limit, subject)).then((verdict) => refuseOver(verdict, message));
}

/**
 * The learner a write is for: the one in the signed cookie, or a new one with an id the server
 * makes, with the key that signs its cookie. A new learner counts against the limit per address,
 * and every write against the limit per learner; as only the server issues ids, no client escapes
 * both by inventing cookies.
 */
export async function learnerForWrite(req: ApiRequest, message: string): Promise<{ learnerId: string; key: Buffer }> {
	// withStorage(learnerKey) without its second wait for the database (learnerKey waits for it itself).
	const key = learnerKeyNow() ?? (await learnerKey().catch(storageFailed));
	const known = signedLearner(req, key);
	if (!known) await enforceLimit(NEW_LEARNERS, clientAddress(req), message);
	const learnerId = known ?? newLearnerId();
	const counted = enforceLimit(LEARNER_WRITES, learnerId, message);
	if (counted) await counted;
	return { learnerId, key };
}
