/**
 * One JSON object per line on stdout, the same shape server.js writes for requests, so a log
 * collector needs one parser. Callers pass facts (event, status, error name), never request
 * bodies, answers or codes.
 */
export function logLine(fields: Record<string, string | number | boolean | undefined>): void {
	console.log(JSON.stringify({ time: new Date().toISOString(), ...fields }));
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
