#!/usr/bin/env node
// The e-tool's server (`npm start`): the API's own router (src/lib/server/router.ts) for /api/* and
// /healthz, and SvelteKit's built handler (adapter-node) for the pages, on node:http, with what
// adapter-node's own build/index.js does not do: security headers on every response, prerendered
// pages included; one JSON line per request; the database opened and migrated once at start-up; the
// retention purge; and a graceful stop. See docs/deploy.md for the environment variables.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

// data/ (the SQLite default) is relative to this folder. The course is compiled into build/ (no content/ needed).
process.chdir(fileURLToPath(new URL('.', import.meta.url)));

// An empty variable (common in env files) means "not set"; adapter-node would refuse ORIGIN=''.
for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'BODY_SIZE_LIMIT']) if (process.env[name] === '') delete process.env[name];

// The API's body limit (64 KB); the API reads bodies itself too, this stops adapter-node earlier.
process.env.BODY_SIZE_LIMIT ??= '64K';
// TRUST_PROXY: how many proxies of our own stand in front (src/lib/server/settings.ts reads it the same way).
const hops = process.env.TRUST_PROXY === 'true' ? 1 : Number(process.env.TRUST_PROXY);
const proxyHops = Number.isInteger(hops) && hops > 0 && hops <= 10 ? hops : 0;
// Without ORIGIN, adapter-node takes every request for https, so the API's Origin check and the
// cookie's Secure flag would be wrong on plain http. We tell it the real protocol in a header of
// our own, overwritten on every request so a client cannot set it.
const PROTOCOL_HEADER = 'x-etool-protocol';
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
if (proxyHops && !process.env.ORIGIN) process.env.HOST_HEADER ??= 'x-forwarded-host';

const { handler } = await import('./build/handler.js');
/** @typedef {{ requestId: string, https: boolean }} ResponseContext What a response's headers need (src/lib/server/headers.ts). */
/** @type {{ start(): Promise<string>, purge(): Promise<{ learners: number, rateLimits: number, teamSessions: number }>, close(): Promise<void>, endStreams?: () => void, teamLogPath?: (path: string) => string, settings: { retentionMonths: number, socketIdleSeconds: number, problems: string[] }, handleApi?: (req: http.IncomingMessage, res: http.ServerResponse, context: ResponseContext) => boolean, setSecurityHeaders?: (res: http.ServerResponse, context: ResponseContext) => void, log?: (fields: object) => void, logRequest?: (method: string, path: string, status: number, ms: number, requestId: string, aborted: boolean) => void } | undefined} */
const app = globalThis[Symbol.for('etool.server')];
if (!app?.handleApi || !app.log || !app.logRequest || !app.setSecurityHeaders || !app.settings.socketIdleSeconds) throw new Error('build/ is ouder dan server.js: draai eerst `npm run build`.');

/**
 * One JSON object per line on stdout: what a log collector reads. Never bodies, answers or codes.
 * Lines are written together once per turn of the event loop (src/lib/server/log.ts), and at exit.
 */
const log = app.log;
const logRequest = app.logRequest;

// A setting that is given but not understood stops the start: a silent default (SQLite instead of
// a mistyped PostgreSQL URL) would give each instance its own data. The message never holds the value.
if (app.settings.problems?.length) {
	for (const problem of app.settings.problems) {
		log({ event: 'config', status: 'invalid', message: problem });
		console.error(`De server start niet: ${problem}`);
	}
	process.exit(1);
}

/** Is this request https? Our own socket says so, or, with TRUST_PROXY, what our outermost proxy added. */
function isHttps(req) {
	if (req.socket.encrypted) return true;
	if (!proxyHops) return false;
	const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',');
	return forwarded[Math.max(0, forwarded.length - proxyHops)].trim() === 'https';
}

let stopping = false;

/** A request target without its query (which may hold a code). */
function pathOf(url) {
	const query = url.indexOf('?');
	return query === -1 ? url : url.slice(0, query);
}

/** A refusal before SvelteKit sees the request: JSON with a Dutch message, like the API's own. */
function refuse(res, context, status, code, message) {
	res.statusCode = status;
	app.setSecurityHeaders(res, context);
	res.setHeader('content-type', 'application/json; charset=utf-8');
	res.setHeader('cache-control', 'no-store');
	res.end(JSON.stringify({ error: { code, message } }));
}

// A name or an IPv4 address, or an IPv6 address in brackets; a port of at most 65535.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;
const validHost = (host) => {
	const match = HOST.exec(host);
	return !!match && host.length <= 255 && (match[1] === undefined || Number(match[1]) <= 65535);
};
// The last Host that passed: nearly every request names the same one, and the check is a regex.
/** @type {string | undefined} */
let goodHost;

/**
 * What adapter-node would answer with a bare English "Bad Request", or SvelteKit with a page: the
 * forms of a request target that HTTP allows but a path-based handler does not expect (absolute
 * form, `*`), a Host that is no host, TRACE, and broken percent-encoding in an API path.
 * Returns true when the request was answered here.
 */
function answeredBeforeApp(req, res, context) {
	// Absolute form (`GET http://host/path`): HTTP/1.1 servers must accept it; the target's authority wins over Host.
	// (A path starts with `/`: the regex only for anything else.)
	const sent = req.url ?? '';
	if (sent.charCodeAt(0) !== 0x2f && /^https?:\/\//i.test(sent)) {
		let target;
		try {
			target = new URL(req.url);
		} catch {
			refuse(res, context, 400, 'invalid_target', 'Het adres in de aanvraag klopt niet.');
			return true;
		}
		req.url = target.pathname + target.search;
		req.headers.host = target.host;
	}
	if (req.url === '*') {
		if (req.method === 'OPTIONS') {
			res.statusCode = 204;
			app.setSecurityHeaders(res, context);
			res.setHeader('allow', 'GET, HEAD, POST, DELETE, OPTIONS');
			res.end();
		} else refuse(res, context, 400, 'invalid_target', 'Het adres in de aanvraag klopt niet.');
		return true;
	}
	// HTTP/1.0 may leave out Host; any other request needs a real one (Node refuses a missing one in 1.1).
	if (req.headers.host === undefined && req.httpVersion === '1.0') req.headers.host = 'localhost';
	const host = String(req.headers.host ?? '');
	if (host !== goodHost) {
		if (!validHost(host)) {
			refuse(res, context, 400, 'invalid_host', 'De aanvraag heeft geen geldige Host-header.');
			return true;
		}
		goodHost = host;
	}
	// TRACE would echo the request (cookies included) back (cross-site tracing); no route of ours has it.
	// The Fetch API cannot even carry it to SvelteKit (a forbidden method: adapter-node answers a bare
	// English 400), so it goes on under a name no route has, and gets the usual 405 with `allow`.
	if (req.method === 'TRACE' || req.method === 'TRACK') req.method = 'NOT-ALLOWED';
	const path = pathOf(req.url ?? '/');
	// Without a `%` there is nothing to decode, and nothing that can fail to.
	if (path.startsWith('/api/') && path.includes('%')) {
		try {
			decodeURIComponent(path);
		} catch {
			refuse(res, context, 400, 'invalid_target', 'Het adres in de aanvraag klopt niet.');
			return true;
		}
	}
	return false;
}

/**
 * Deliberate limits for slow clients (Node's defaults are 60 s for headers and 300 s for a request):
 * the headers within 10 s, the whole request (body included) within 30 s, a keep-alive connection
 * closed after 5 s without a request. Node checks these every second (`connectionsCheckingInterval`),
 * not every 30 s. The proxy in front should also cap connections per address (docs/deploy.md).
 */
const TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 };

// server.js's own header: set once at start-up (reading process.env per request is not free).
const ownProtocolHeader = process.env.PROTOCOL_HEADER === PROTOCOL_HEADER;

const server = http.createServer(TIMEOUTS, (req, res) => {
	const started = performance.now();
	const method = req.method; // as sent, for the log (TRACE is renamed below)
	/** @type {ResponseContext} */
	const context = { requestId: randomUUID(), https: isHttps(req) };
	if (ownProtocolHeader) req.headers[PROTOCOL_HEADER] = context.https ? 'https' : 'http';
	res.on('close', () => {
		const path = pathOf(req.url ?? '/');
		// One line: time, method, path, status, ms, requestId and, when cut off, aborted (log.ts builds it by hand).
		logRequest(
			method,
			// A team route's path names no session; any other path under /api/team/ is logged as one name,
			// so a code or key typed into an address never reaches the log (decision 0011).
			path.startsWith('/api/team/') ? (app.teamLogPath?.(path) ?? '/api/team/*') : path,
			res.statusCode,
			Math.round((performance.now() - started) * 10) / 10,
			context.requestId,
			!res.writableFinished
		);
		// While stopping, a keep-alive connection must not wait for another request.
		if (stopping) server.closeIdleConnections();
	});
	if (answeredBeforeApp(req, res, context)) return;
	// The API writes its answers' headers (the same security headers) itself, in one list (headers.ts).
	if (app.handleApi(req, res, context)) return;
	app.setSecurityHeaders(res, context);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end();
	});
});

// Start-up: the database first, so the first request does not pay for it. A database that is down
// does not stop the pages from being served: the API answers 503 and /healthz tells the balancer.
try {
	const dialect = await app.start();
	log({ event: 'database', dialect, status: 'ready' });
} catch (error) {
	log({ event: 'database', status: 'unavailable', error: error instanceof Error ? error.message.slice(0, 200) : String(error) });
}

/** Delete what has been untouched for RETENTION_MONTHS; each instance may run it, it is idempotent. */
async function purge() {
	try {
		log({ event: 'purge', retentionMonths: app.settings.retentionMonths, ...(await app.purge()) });
	} catch (error) {
		log({ event: 'purge', status: 'failed', error: error instanceof Error ? error.message.slice(0, 200) : String(error) });
	}
}
await purge();
const purgeTimer = setInterval(purge, 24 * 60 * 60 * 1000);
purgeTimer.unref();

const port = Number(process.env.PORT || 3000);
// A socket that stays silent (a client that stopped reading an answer, or never sends) is closed
// after SOCKET_IDLE_SECONDS (60). Node's server.setTimeout does this by re-arming a timer on every
// read and write of every socket, which cost about 3 % of a save (decision 0005); instead a sweep,
// six times per idle period, compares each socket's byte counts with the previous sweep's. Written
// bytes count when handed to the socket, so an answer a client does not read leaves them unchanged.
const SOCKET_IDLE_MS = app.settings.socketIdleSeconds * 1000;
/** @type {Map<import('node:net').Socket, { bytes: number, since: number }>} */
const sockets = new Map();
server.on('connection', (socket) => {
	sockets.set(socket, { bytes: 0, since: Date.now() });
	socket.once('close', () => sockets.delete(socket));
});
const sweep = setInterval(() => {
	const now = Date.now();
	for (const [socket, seen] of sockets) {
		const bytes = socket.bytesRead + socket.bytesWritten;
		if (bytes !== seen.bytes) {
			seen.bytes = bytes;
			seen.since = now;
		} else if (now - seen.since >= SOCKET_IDLE_MS) socket.destroy();
	}
}, SOCKET_IDLE_MS / 6);
sweep.unref();
server.on('error', (error) => {
	log({ event: 'listen-failed', error: error.message });
	process.exit(1);
});
const host = process.env.HOST || undefined; // undefined: every address, IPv6 and IPv4
server.listen(port, host, () => {
	const address = server.address();
	log({ event: 'listening', port: typeof address === 'object' && address ? address.port : port, host: host ?? '*' });
});

/** Stop taking new connections, let requests in progress finish, close the database, exit 0. */
function stop(signal) {
	if (stopping) return;
	stopping = true;
	clearInterval(purgeTimer);
	clearInterval(sweep);
	log({ event: 'stopping', signal });
	// A request that takes longer than 10 s is cut off: a deploy must not hang on it.
	setTimeout(() => {
		log({ event: 'stopped', forced: true });
		server.closeAllConnections();
		process.exit(1);
	}, 10_000).unref();
	// Event streams (team boards) never end on their own: end them, so the browsers reconnect elsewhere.
	app.endStreams?.();
	server.close(async () => {
		try {
			await app.close();
		} catch (error) {
			log({ event: 'database', status: 'close-failed', error: error instanceof Error ? error.message.slice(0, 200) : String(error) });
		}
		log({ event: 'stopped' });
		process.exit(0);
	});
	server.closeIdleConnections();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
