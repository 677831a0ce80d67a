// The server's clock in the stored and logged form (ISO 8601, UTC, as `toISOString` writes it), made
// once per millisecond: `new Date().toISOString()` costs about a microsecond and a half under load,
// and under load many requests (their save and their log line) share a millisecond (decision 0005).

let madeAt = Number.NaN;
let made = '';

/** Now, as `new Date().toISOString()` gives it. */
export function isoNow(): string {
	const ms = Date.now();
	if (ms !== madeAt) {
		madeAt = ms;
		made = new Date(ms).toISOString();
	}
	return made;
}
