import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ApiError, BODY_LIMIT, readBody, readJson } from './api';
import { resumeBodySchema, syncBodySchema } from './api-schema';
import type { ApiRequest } from './http';
import { quickSyncBody } from './sync-body';

// readJson and readBody read, parse and check in one promise (the 'end' listener does it all):
// each way a body can end must still give the answer and the Dutch refusal it gave when every
// step was an async function of its own.

type Sent = { headers?: Record<string, string>; chunks?: (string | Buffer)[]; abort?: boolean; http10?: boolean };

/** A request whose body arrives in chunks, as node:http hands it over (complete once the last chunk is in). */
function request({ headers = { 'content-type': 'application/json' }, chunks = [], abort = false, http10 = false }: Sent): ApiRequest {
	const raw = new Readable({ read() {} }) as Readable & { complete: boolean; httpVersionMajor: number; httpVersionMinor: number };
	raw.complete = false;
	raw.httpVersionMajor = 1;
	raw.httpVersionMinor = http10 ? 0 : 1;
	setImmediate(() => {
		for (const chunk of chunks) raw.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
		if (abort) raw.destroy(new Error('aborted'));
		else {
			raw.complete = true;
			raw.push(null);
		}
	});
	const length = chunks.reduce((sum, c) => sum + Buffer.byteLength(c), 0);
	return { method: 'POST', origin: 'http://x', path: '/api/sync', https: false, headers: { 'content-length': String(length), ...headers }, raw: raw as unknown as IncomingMessage, context: { requestId: 'r', https: false } };
}

/** The refusal (status, code, Dutch message) a promise ends with, or its value. */
const outcome = (promise: Promise<unknown>) =>
	promise.then(
		(value) => ({ value }),
		(error: unknown) => (error instanceof ApiError ? { status: error.status, code: error.code, message: error.message } : { thrown: String(error) })
	);

const body = { changes: [{ id: 'change-0001', kind: 'visit', path: 'a/b', visitedAt: '2026-11-28T10:00:00.000Z' }] };

describe('reading a body (readJson, readBody)', () => {
	it('gives the parsed JSON, whether it came in one chunk or many, ASCII or not', async () => {
		const text = JSON.stringify({ a: 'één €', b: [1, 2] });
		expect(await outcome(readJson(request({ chunks: [text] })))).toEqual({ value: { a: 'één €', b: [1, 2] } });
		const bytes = Buffer.from(text);
		expect(await outcome(readJson(request({ chunks: [bytes.subarray(0, 9), bytes.subarray(9, 10), bytes.subarray(10)] })))).toEqual({ value: { a: 'één €', b: [1, 2] } });
	});

	it('refuses what adapter-node took for no body, a too large one, broken JSON and invalid UTF-8, in Dutch', async () => {
		const empty = { status: 400, code: 'empty_body', message: 'De aanvraag heeft geen inhoud; verwacht is JSON.' };
		expect(await outcome(readJson(request({ headers: {}, chunks: ['{}'] })))).toEqual(empty);
		expect(await outcome(readJson(request({ headers: { 'content-type': 'application/json', 'content-length': '0' } })))).toEqual(empty);
		const tooLarge = { status: 413, code: 'body_too_large', message: 'De aanvraag is te groot: hoogstens 64 KB.' };
		expect(await outcome(readJson(request({ headers: { 'content-type': 'application/json', 'content-length': String(BODY_LIMIT + 1) } })))).toEqual(tooLarge);
		// A length that lies: counted while reading, whatever the header claims.
		const big = 'x'.repeat(BODY_LIMIT / 2);
		expect(await outcome(readJson(request({ headers: { 'content-type': 'application/json', 'content-length': '10' }, chunks: [big, big, '!'] })))).toEqual(tooLarge);
		const invalid = { status: 400, code: 'invalid_json', message: 'De inhoud is geen geldige JSON.' };
		expect(await outcome(readJson(request({ chunks: ['{"a":'] })))).toEqual(invalid);
		expect(await outcome(readJson(request({ chunks: [Buffer.from([0x22, 0xc3, 0x28, 0x22])] })))).toEqual(invalid);
	});

	it('refuses a body that was cut off, and a body exactly at the limit is read', async () => {
		expect(await outcome(readJson(request({ chunks: ['{"a":1'], abort: true })))).toEqual({ status: 400, code: 'unreadable_body', message: 'De inhoud van de aanvraag kwam niet goed aan.' });
		const atLimit = JSON.stringify('x'.repeat(BODY_LIMIT - 2));
		expect(await outcome(readJson(request({ chunks: [atLimit] })))).toEqual({ value: 'x'.repeat(BODY_LIMIT - 2) });
	});

	it('readBody: the quick check first, then the schema, with its Dutch message for fields', async () => {
		expect(await outcome(readBody(request({ chunks: [JSON.stringify(body)] }), syncBodySchema, quickSyncBody))).toEqual({ value: quickSyncBody(body) });
		expect(await outcome(readBody(request({ chunks: [JSON.stringify({ ...body, extra: 1 })] }), syncBodySchema))).toEqual({ value: body });
		const refused = await outcome(readBody(request({ chunks: ['{"code":12}'] }), resumeBodySchema));
		expect(refused).toMatchObject({ status: 400, code: 'invalid_body' });
		expect((refused as { message: string }).message).toMatch(/code/);
		// Broken JSON is refused as JSON, before any schema.
		expect(await outcome(readBody(request({ chunks: ['nee'] }), resumeBodySchema))).toMatchObject({ status: 400, code: 'invalid_json' });
	});
});
