import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errorBody, errorResponse } from './api';
import { setSecurityHeaders, type ResponseContext } from './headers';
import { apiRequest, jsonResponse, send, type ApiResponse } from './http';
import { ROUTES, type Handler } from './routes';
import { isStream, startStream, type StreamResponse } from './stream';

// The API's own router, in front of SvelteKit (server.js calls `handleApi` through the bridge in
// context.ts). The pages stay with SvelteKit; every /api/* address and /healthz are answered here.
// Why: the framework path alone (Request/Response conversion, hooks, route matching) cost more than
// the whole target budget of a save (decision 0005). What SvelteKit did for these addresses is done
// here the same way: route matching on the decoded path, HEAD by GET, 405 with `allow`, a JSON 404.

/** Is this path ours? /api and every address under it, and /healthz. */
export const isApiPath = (path: string): boolean => path.startsWith('/api/') || path === '/api' || path === '/healthz';

/** SvelteKit's decoding for route matching: percent-escapes undone except `%25` (and what decodeURI keeps, like %2F). */
function decodePath(path: string): string {
	if (!path.includes('%')) return path;
	try {
		return path.split('%25').map(decodeURI).join('%25');
	} catch {
		return path;
	}
}

/** The methods a route allows, in SvelteKit's order, with HEAD when it has GET. */
const ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const allowed = (route: Readonly<Record<string, Handler>>) => {
	const methods = ORDER.filter((m) => m in route);
	if ('GET' in route) methods.push('HEAD');
	return methods.join(', ');
};

type Reply = ApiResponse | StreamResponse;

/** The route's answer: at once when the handler is synchronous (or the address has none), else its promise. */
function answer(req: NonNullable<ReturnType<typeof apiRequest>>): Reply | Promise<Reply> {
	const path = req.path;
	const route = ROUTES[decodePath(path)];
	if (!route) return errorResponse(new ApiError(404, 'not_found', `Onbekend adres: ${path}.`), path);
	const handler = route[req.method] ?? (req.method === 'HEAD' ? route.GET : undefined);
	if (!handler) {
		const allow = allowed(route);
		return jsonResponse(405, errorBody('method_not_allowed', `Deze methode kan hier niet; wel: ${allow}.`), { allow });
	}
	try {
		return handler(req);
	} catch (error) {
		return errorResponse(error, path);
	}
}

/**
 * Answer the request when its path is the API's; false when it is not (SvelteKit answers it).
 * server.js has already checked the request's form; the answer carries the security headers and
 * the request id of `context` (headers.ts).
 */
export function handleApi(raw: IncomingMessage, res: ServerResponse, context: ResponseContext): boolean {
	const req = apiRequest(raw, context);
	if (!req || !isApiPath(req.path)) return false;
	const deliver = (reply: Reply) => {
		if (!isStream(reply)) return send(res, req.method, reply, context);
		// An event stream (stream.ts) writes its own head, and is handed the response once it is out.
		setSecurityHeaders(res, context);
		startStream(res, req.method, reply);
	};
	const failed = (error: unknown) => send(res, req.method, errorResponse(error, req.path), context);
	// One promise layer per request (the handler's own), not an async wrapper around it and a
	// `.then` on that: each layer was a promise and a turn of the microtask queue per save.
	const reply = answer(req);
	if (reply instanceof Promise) void reply.then(deliver, failed);
	// A synchronous answer is written in the next microtask, as when every answer was a promise:
	// a throw while writing stays a rejected promise, not an exception in server.js's handler.
	else void Promise.resolve(reply).then(deliver);
	return true;
}
