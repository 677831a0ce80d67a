import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

// A client on a bare TCP socket, so a test can send what fetch and node:http refuse to send: broken
// framing, two Content-Lengths, obs-fold, bare LF, a TLS hello. It reads back every response on the
// connection (a second one means the server took smuggled bytes for a request) and decodes chunked
// and compressed bodies, so the leak scan sees the text a client would see.

/** One HTTP response as it came over the wire. */
export interface RawResponse {
	status: number;
	/** Lower-case names; a name sent twice keeps both values. */
	headers: Record<string, string[]>;
	/** The body, de-chunked and decompressed. */
	body: Buffer;
}

export interface RawReply {
	/** Final (non-1xx) responses in order; usually one. */
	responses: RawResponse[];
	/** 1xx responses seen before them (100 Continue). */
	interim: number[];
	/** The first final response's status, or null when the server sent none (closed or timed out). */
	status: number | null;
	/** The server closed the connection. */
	closed: boolean;
	/** We gave up waiting: the server neither answered nor closed within the time limit. */
	timedOut: boolean;
	/** Everything received, undecoded (for a check on bytes that are not HTTP at all). */
	raw: Buffer;
	/** Milliseconds until the first final response (or the end). */
	ms: number;
}

export interface RawOptions {
	port: number;
	host?: string;
	/** Our side's address: a loopback address of its own per case, so per-address limits do not mix. */
	localAddress?: string;
	/** The request sent for this reply was HEAD: responses have no body whatever their length says. */
	head?: boolean;
	/** Give up after this long without an answer (default 5 s). */
	timeoutMs?: number;
	/** After a complete response on an open connection, wait this long for more (default 30 ms). */
	lingerMs?: number;
	/** Send the bytes in these pieces, with `gapMs` between them (slow or split uploads). */
	gapMs?: number;
}

const CRLF = Buffer.from('\r\n');

/** Parse as many complete responses as `data` holds. `done`: the connection is closed, so a body without length ends here. */
export function parseResponses(data: Buffer, head: boolean, done: boolean): { responses: RawResponse[]; interim: number[]; complete: boolean } {
	const responses: RawResponse[] = [];
	const interim: number[] = [];
	let at = 0;
	while (at < data.length) {
		const end = data.indexOf('\r\n\r\n', at);
		if (end < 0) return { responses, interim, complete: false };
		const lines = data.subarray(at, end).toString('latin1').split('\r\n');
		const match = /^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '');
		if (!match) return { responses, interim, complete: false };
		const status = Number(match[1]);
		const headers: Record<string, string[]> = {};
		for (const line of lines.slice(1)) {
			const colon = line.indexOf(':');
			if (colon <= 0) continue;
			const name = line.slice(0, colon).trim().toLowerCase();
			(headers[name] ??= []).push(line.slice(colon + 1).trim());
		}
		at = end + 4;
		if (status >= 100 && status < 200) {
			interim.push(status);
			continue;
		}
		let body: Buffer;
		const length = headers['content-length']?.[0];
		const chunked = /chunked/i.test(headers['transfer-encoding']?.join(',') ?? '');
		if (head || status === 204 || status === 304) body = Buffer.alloc(0);
		else if (chunked) {
			const parts: Buffer[] = [];
			for (;;) {
				const lineEnd = data.indexOf(CRLF, at);
				if (lineEnd < 0) return { responses, interim, complete: false };
				const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
				if (!Number.isFinite(size)) return { responses, interim, complete: false };
				at = lineEnd + 2;
				if (size === 0) {
					const trailerEnd = data.indexOf(CRLF, at);
					if (trailerEnd < 0) return { responses, interim, complete: false };
					at = trailerEnd + 2;
					break;
				}
				if (data.length < at + size + 2) return { responses, interim, complete: false };
				parts.push(data.subarray(at, at + size));
				at += size + 2;
			}
			body = Buffer.concat(parts);
		} else if (length !== undefined) {
			const n = Number(length);
			if (data.length < at + n) return { responses, interim, complete: false };
			body = data.subarray(at, at + n);
			at += n;
		} else {
			// No length: the body runs until the connection closes.
			if (!done) return { responses, interim, complete: false };
			body = data.subarray(at);
			at = data.length;
		}
		responses.push({ status, headers, body: decode(body, headers['content-encoding']?.[0]) });
	}
	return { responses, interim, complete: responses.length > 0 };
}

/** Undo Content-Encoding, so a compressed body is scanned as text too; undecodable bytes stay as they are. */
function decode(body: Buffer, encoding: string | undefined): Buffer {
	if (!encoding || body.length === 0) return body;
	try {
		if (/gzip/i.test(encoding)) return gunzipSync(body);
		if (/br/i.test(encoding)) return brotliDecompressSync(body);
		if (/deflate/i.test(encoding)) return inflateSync(body);
	} catch {
		// keep the raw bytes: the leak scan still looks at them
	}
	return body;
}

/**
 * Send `bytes` (one piece, or several with `gapMs` between) and collect what comes back until the
 * server closes, a complete response has been followed by `lingerMs` of quiet, or `timeoutMs`.
 */
export function rawExchange(bytes: Buffer | string | (Buffer | string)[], options: RawOptions): Promise<RawReply> {
	const pieces = (Array.isArray(bytes) ? bytes : [bytes]).map((b) => (typeof b === 'string' ? Buffer.from(b, 'latin1') : b));
	const started = performance.now();
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let closed = false;
		let finished = false;
		let firstAt: number | undefined;
		let linger: NodeJS.Timeout | undefined;
		const socket = connect({ port: options.port, host: options.host ?? '127.0.0.1', localAddress: options.localAddress });
		const finish = (timedOut: boolean) => {
			if (finished) return;
			finished = true;
			clearTimeout(timer);
			clearTimeout(linger);
			socket.destroy();
			const raw = Buffer.concat(chunks);
			const parsed = parseResponses(raw, options.head ?? false, true);
			resolve({
				responses: parsed.responses,
				interim: parsed.interim,
				status: parsed.responses[0]?.status ?? null,
				closed,
				timedOut,
				raw,
				ms: Math.round(firstAt ?? performance.now() - started)
			});
		};
		const timer = setTimeout(() => finish(true), options.timeoutMs ?? 5000);
		socket.on('data', (chunk) => {
			chunks.push(chunk);
			const parsed = parseResponses(Buffer.concat(chunks), options.head ?? false, false);
			if (parsed.complete) {
				firstAt ??= performance.now() - started;
				clearTimeout(linger);
				linger = setTimeout(() => finish(false), options.lingerMs ?? 30);
			}
		});
		// A reset after the answer (the server refused the rest of an upload) is a close like any other.
		socket.on('error', () => {
			closed = true;
			finish(false);
		});
		socket.on('close', () => {
			closed = true;
			finish(false);
		});
		socket.on('connect', async () => {
			for (const [i, piece] of pieces.entries()) {
				if (i > 0 && options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
				if (socket.destroyed) return;
				socket.write(piece);
			}
		});
	});
}

/** The parts of an ordinary request; `rawRequest` turns them into bytes exactly as given. */
export interface RequestParts {
	method: string;
	target: string;
	version?: string;
	/** In order; a name may appear twice. Host and Connection: close are added unless given. */
	headers?: [string, string][];
	body?: Buffer | string;
	/** Add Content-Length for the body (default: when there is a body and no Transfer-Encoding/Content-Length given). */
	contentLength?: boolean;
}

/** The bytes of a request: nothing is normalised, so a test can send a header Node would never write. */
export function requestBytes(parts: RequestParts, hostPort: string): Buffer {
	const headers = [...(parts.headers ?? [])];
	const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
	if (!has('host')) headers.unshift(['Host', hostPort]);
	if (!has('connection')) headers.push(['Connection', 'close']);
	const body = parts.body === undefined ? undefined : typeof parts.body === 'string' ? Buffer.from(parts.body, 'utf8') : parts.body;
	if (body && (parts.contentLength ?? (!has('content-length') && !has('transfer-encoding')))) headers.push(['Content-Length', String(body.length)]);
	const head = `${parts.method} ${parts.target} ${parts.version ?? 'HTTP/1.1'}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
	return Buffer.concat([Buffer.from(head, 'latin1'), body ?? Buffer.alloc(0)]);
}
