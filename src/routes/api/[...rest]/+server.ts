import { apiRoute, ApiError } from '$lib/server/api';

export const prerender = false;

/** Any other /api address: a JSON 404, not the learner's "page not found" HTML. */
export const fallback = apiRoute(async ({ url }) => {
	throw new ApiError(404, 'not_found', `Onbekend adres: ${url.pathname}.`);
});
