import type { Handle, HandleServerError } from '@sveltejs/kit';
import { getCourse } from '$lib/content/course.server';
import { registerBridge } from '$lib/server/context';
import { describeError, logLine } from '$lib/server/log';
import { handleApi } from '$lib/server/router';
import { teamLogPath } from '$lib/server/team/routes';

// Loaded when the server starts, so server.js finds the database bridge and the API's own router
// right after importing the built handler (src/lib/server/context.ts, router.ts). SvelteKit itself
// serves the pages only.
registerBridge(handleApi, teamLogPath);

export const handle: Handle = async ({ event, resolve }) =>
	// Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!---->`) serve a client that never runs
	// here: pages are not hydrated, islands mount fresh (decision 0004). Dropping them saves bytes on every page.
	// The page's language is the course's (course.yaml `lang`), not a constant in src/app.html.
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace(/<!--(?:\[!?-?\d*|\]|[a-z0-9]{6,8})?-->/g, '').replace('%etool.lang%', getCourse().lang)
	});

/** Unexpected errors as one JSON log line (no request body, no stack of answer data), not a stack trace. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status >= 500) logLine({ event: 'error', status, path: event.url.pathname, ...describeError(error) });
	return { message: status === 404 ? 'Niet gevonden' : 'Er ging iets mis' };
};
