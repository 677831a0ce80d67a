import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStreams, startStream, type StreamResponse } from './stream';

// A real socket: a route that is still checking a key (a database lookup) when the client hangs up.
let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serve one stream whose route answers after `delayMs`; resolves with what happened to the reply. */
async function serve(delayMs: number, method = 'GET'): Promise<{ reply: StreamResponse & { stream: ReturnType<typeof vi.fn>; done: ReturnType<typeof vi.fn> }; handled: Promise<void>; port: number }> {
	const reply = { status: 200 as const, stream: vi.fn(), done: vi.fn() };
	let handled!: () => void;
	const finished = new Promise<void>((resolve) => (handled = resolve));
	server = http.createServer((req, res) => {
		setTimeout(() => {
			startStream(res, method, reply);
			handled();
		}, delayMs);
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return { reply, handled: finished, port: (server.address() as AddressInfo).port };
}

describe('an event stream', () => {
	it('streams-leak-on-early-close: a client gone before the route answered is never handed to the hub, and its place is given back', async () => {
		const { reply, handled, port } = await serve(150);
		const req = http.get({ port, host: '127.0.0.1', path: '/', agent: false });
		req.on('error', () => undefined);
		setTimeout(() => req.destroy(), 30);
		await handled;
		expect(reply.stream).not.toHaveBeenCalled();
		expect(reply.done).toHaveBeenCalledTimes(1);
		expect(openStreams()).toBe(0);
	});

	it('is handed over while the client is there, and its place is given back once when it closes', async () => {
		const { reply, handled, port } = await serve(10);
		const req = http.get({ port, host: '127.0.0.1', path: '/', agent: false });
		req.on('error', () => undefined);
		await handled;
		expect(reply.stream).toHaveBeenCalledTimes(1);
		expect(reply.done).not.toHaveBeenCalled();
		expect(openStreams()).toBe(1);
		req.destroy();
		await vi.waitFor(() => expect(reply.done).toHaveBeenCalledTimes(1));
		expect(openStreams()).toBe(0);
	});

	it('gives the place back after a HEAD request, which streams nothing', async () => {
		const { reply, handled, port } = await serve(10, 'HEAD');
		await new Promise<void>((resolve) => http.request({ port, host: '127.0.0.1', path: '/', method: 'HEAD', agent: false }, (res) => (res.resume(), res.on('end', resolve))).end());
		await handled;
		expect(reply.stream).not.toHaveBeenCalled();
		await vi.waitFor(() => expect(reply.done).toHaveBeenCalledTimes(1));
	});
});
