import type { ServerResponse } from 'node:http';

// The router's streaming answer (server-sent events, decision 0011): a route returns a
// `StreamResponse` instead of JSON; the router writes the headers and hands the response over.
// Every open stream is known here, so a graceful stop (server.js) can end them: a stream never
// ends on its own, and the server would otherwise wait for it until its forced exit.

export interface StreamResponse {
	status: 200;
	/** Called once the headers are out; write events to `res` and clean up on its 'close'. */
	stream(res: ServerResponse): void;
	/**
	 * Called once when the stream is over, whether it ran or not: closed, a HEAD request, or a client
	 * that left while the route was still checking its key (its 'close' had already passed).
	 */
	done?(): void;
}

export const isStream = (reply: object): reply is StreamResponse => typeof (reply as Partial<StreamResponse>).stream === 'function';

const open = new Set<ServerResponse>();

/** How many streams this process has open (for tests and the load benchmark's sanity check). */
export const openStreams = (): number => open.size;

/**
 * Start an event stream. No cache or proxy may keep or buffer it (`x-accel-buffering: no` for nginx);
 * the socket's idle timeout (server.js: 60 s) is left alone: the 15-second heartbeat keeps it busy,
 * and a client that vanished without a FIN is found by it.
 */
export function startStream(res: ServerResponse, method: string, reply: StreamResponse): void {
	const done = () => reply.done?.();
	// The client left before the route answered: its 'close' is over, so nothing would ever remove
	// this stream from the hub (it would be pinged and its board recomputed forever).
	if (res.destroyed || !res.socket || res.socket.destroyed) {
		done();
		return;
	}
	res.once('close', done);
	res.writeHead(200, {
		'content-type': 'text/event-stream; charset=utf-8',
		'cache-control': 'no-store',
		'x-accel-buffering': 'no'
	});
	if (method === 'HEAD') {
		res.end();
		return;
	}
	res.socket?.setNoDelay(true);
	res.flushHeaders();
	open.add(res);
	res.on('close', () => open.delete(res));
	reply.stream(res);
}

/** At a graceful stop: end every stream, so the browsers reconnect (to another instance) and the server can close. */
export function endStreams(): void {
	for (const res of open) res.end();
	open.clear();
}

/** Past this many bytes waiting for a client that does not read, its stream is cut (it reconnects when it can). */
export const STREAM_BACKLOG = 1024 * 1024;

/** Write one event (or comment); false when the stream is gone or was cut for falling behind. */
export function writeEvent(res: ServerResponse, text: string): boolean {
	if (res.writableEnded || res.destroyed) return false;
	if (res.writableLength > STREAM_BACKLOG) {
		res.destroy();
		return false;
	}
	res.write(text);
	return true;
}
