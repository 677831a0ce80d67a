// One JSON object per line on stdout, the same shape for request lines (server.js) and events, so a
// log collector needs one parser. Callers pass facts (event, status, error name), never request
// bodies, answers or codes.
//
// Lines are gathered and written once per turn of the event loop: under load one write per request
// (console.log formats and writes each line on its own) took 6-8 % of a save (decision 0005). A line
// waits at most until the current turn ends; at exit whatever is left is written synchronously.

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

// The time of a line, made once per millisecond: `new Date().toISOString()` per line was about a
// microsecond and a half of each request, and under load many lines share their millisecond.
let stampMs = 0;
let stamp = '';
function time(): string {
	const ms = Date.now();
	if (ms !== stampMs) {
		stampMs = ms;
		stamp = new Date(ms).toISOString();
	}
	return stamp;
}

/** Add one line; written at the end of this turn of the event loop. */
export function writeLogLine(fields: Record<string, unknown>): void {
	// `{"time":…,` and the fields' own JSON without its `{`: the same line as stringifying a merged object, without the copy.
	const rest = JSON.stringify(fields);
	pending += `{"time":"${time()}"${rest === '{}' ? '}' : `,${rest.slice(1)}`}\n`;
	if (pending.length > HIGH_WATER) flushLog();
	else if (!scheduled) {
		scheduled = true;
		setImmediate(flushLog);
	}
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
