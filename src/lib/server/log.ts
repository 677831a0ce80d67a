// One JSON object per line on stdout, the same shape for request lines (server.js) and events, so a
// log collector needs one parser. Callers pass facts (event, status, error name), never request
// bodies, answers or codes.
//
// Lines are gathered and written once per turn of the event loop: under load one write per request
// (console.log formats and writes each line on its own) took 6-8 % of a save (decision 0005). A line
// waits at most until the current turn ends; at exit whatever is left is written synchronously.

import { isoNow } from './clock';

let pending = '';
let scheduled = false;
/** Past this many characters the lines are written at once, so a burst never holds much in memory. */
const HIGH_WATER = 64 * 1024;

/**
 * Write what has been gathered. stdout to a file or a pipe writes synchronously on Linux (Node's
 * rule for process.stdout), so this is also safe in an 'exit' handler.
 */
export function flushLog(): void {
	scheduled = false;
	if (!pending) return;
	const text = pending;
	pending = '';
	process.stdout.write(text);
}

/** Gather one finished line (with its newline); written at the end of this turn of the event loop. */
function push(line: string): void {
	pending += line;
	if (pending.length > HIGH_WATER) flushLog();
	else if (!scheduled) {
		scheduled = true;
		setImmediate(flushLog);
	}
}

/** Add one line; written at the end of this turn of the event loop. */
function writeLogLine(fields: Record<string, unknown>): void {
	// `{"time":…,` and the fields' own JSON without its `{`: the same line as stringifying a merged object, without the copy.
	const rest = JSON.stringify(fields);
	push(`{"time":"${isoNow()}"${rest === '{}' ? '}' : `,${rest.slice(1)}`}\n`);
}

// What JSON.stringify escapes in a string: `"`, `\`, control characters and lone surrogates (a
// surrogate pair is tested as two code units here; such a string goes to JSON.stringify too). A
// loop over the code units: for the short strings of a request line it is cheaper than a regex.
function needsEscape(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
	}
	return false;
}
const jsonString = (text: string) => (needsEscape(text) ? JSON.stringify(text) : `"${text}"`);
const jsonNumber = (n: number) => (Number.isFinite(n) ? `${n}` : 'null');

/**
 * The request line server.js writes for every request, without a fields object: building the object
 * and stringifying it was 5 % of a save (decision 0005). The text is exactly
 * `JSON.stringify({ time, method, path, status, ms, requestId, aborted? })`, escaping included
 * (log.spec.ts compares the two).
 */
export function requestLine(time: string, method: string, path: string, status: number, ms: number, requestId: string, aborted: boolean): string {
	return `{"time":"${time}","method":${jsonString(method)},"path":${jsonString(path)},"status":${jsonNumber(status)},"ms":${jsonNumber(ms)},"requestId":${jsonString(requestId)}${aborted ? ',"aborted":true}' : '}'}`;
}

/** server.js's line for one request (see requestLine). */
export function logRequest(method: string, path: string, status: number, ms: number, requestId: string, aborted: boolean): void {
	flushLogAtExit();
	push(`${requestLine(isoNow(), method, path, status, ms, requestId, aborted)}\n`);
}

let hooked = false;
/** Write the rest when the process exits (process.exit included); registered once. */
export function flushLogAtExit(): void {
	if (hooked) return;
	hooked = true;
	process.on('exit', flushLog);
}

export function logLine(fields: Record<string, string | number | boolean | undefined>): void {
	flushLogAtExit();
	writeLogLine(fields);
}

/**
 * An error as a short, body-free description: its name, its code (SQLITE_FULL, 57P01, ECONNREFUSED:
 * what an operator searches for) and at most 200 characters of its message.
 */
export function describeError(error: unknown): { error: string; message: string; code?: string } {
	const e = error instanceof Error ? error : new Error(String(error));
	const code = (e as { code?: unknown }).code;
	return { error: e.name, message: e.message.slice(0, 200), ...(typeof code === 'string' ? { code: code.slice(0, 40) } : {}) };
}
