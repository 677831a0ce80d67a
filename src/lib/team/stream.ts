// Server-sent events read with `fetch` (EventSource cannot send the Authorization header): a small
// parser for the `text/event-stream` format and a reader that reconnects with backoff. The board,
// the panel and the summary follow the session's state through it.

export interface StreamEvent {
	event: string;
	data: string;
}

/**
 * Feed text as it arrives; get the complete events in it. Comments (`: ping`) and unknown fields
 * are skipped, as the format says; an event without `event:` is a `message`.
 */
export function eventParser(): (chunk: string) => StreamEvent[] {
	let buffer = '';
	let event = '';
	let data: string[] = [];
	return (chunk) => {
		buffer += chunk;
		const out: StreamEvent[] = [];
		const lines = buffer.split(/\r\n|\r|\n/);
		buffer = lines.pop() ?? '';
		for (const line of lines) {
			if (line === '') {
				if (data.length) out.push({ event: event || 'message', data: data.join('\n') });
				event = '';
				data = [];
			} else if (line.startsWith(':')) continue;
			else {
				const colon = line.indexOf(':');
				const field = colon < 0 ? line : line.slice(0, colon);
				const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
				if (field === 'event') event = value;
				else if (field === 'data') data.push(value);
			}
		}
		return out;
	};
}

/** Wait before the next try: 1, 2, 4, 8 s, then every 15 s. */
export const backoff = (failures: number): number => Math.min(15_000, 1000 * 2 ** Math.max(0, failures - 1));

/** No byte for this long (the server pings every 15 s): the line is dead. */
const SILENCE = 40_000;

export type StreamState = 'connecting' | 'live' | 'lost' | 'ended';

/**
 * Follow `url` with the key until `stop()` or the session ended (404 or an `ended` event).
 * `onEvent` gets each event; `onState` tells whether the line is up, for the "verbinding weg" notice.
 */
export function follow(url: string, key: string, onEvent: (event: StreamEvent) => void, onState: (state: StreamState) => void): { stop(): void } {
	let stopped = false;
	let failures = 0;
	let controller: AbortController | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let silence: ReturnType<typeof setTimeout> | undefined;

	async function connect(): Promise<void> {
		if (stopped) return;
		controller = new AbortController();
		onState(failures ? 'lost' : 'connecting');
		let ended = false;
		// A server at its cap of open boards (429) says when to come back; otherwise the backoff decides.
		let retryAfter = 0;
		try {
			const response = await fetch(url, { headers: { Authorization: `Bearer ${key}`, Accept: 'text/event-stream' }, cache: 'no-store', credentials: 'omit', signal: controller.signal });
			if (response.status === 404) ended = true;
			else if (response.status === 429) retryAfter = Math.min(300, Number(response.headers.get('retry-after')) || 0) * 1000;
			else if (response.ok && response.body) {
				const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
				const parse = eventParser();
				for (;;) {
					// The server sends at least a ping every 15 s: silence for longer is a line that died
					// without closing (a sleeping laptop, a dropped Wi-Fi), so try again.
					clearTimeout(silence);
					silence = setTimeout(() => controller?.abort(), SILENCE);
					const { value, done } = await reader.read();
					if (done) break;
					for (const event of parse(value)) {
						if (event.event === 'ended') ended = true;
						else {
							failures = 0;
							onState('live');
						}
						onEvent(event);
					}
					if (ended) break;
				}
			}
		} catch {
			// Offline, server restarted, silent too long, or stopped by us: the loop below decides.
		}
		clearTimeout(silence);
		if (stopped) return;
		if (ended) {
			stopped = true;
			onState('ended');
			return;
		}
		failures++;
		onState('lost');
		timer = setTimeout(() => void connect(), Math.max(retryAfter, backoff(failures)));
	}
	void connect();
	return {
		stop() {
			stopped = true;
			clearTimeout(timer);
			clearTimeout(silence);
			controller?.abort();
		}
	};
}
