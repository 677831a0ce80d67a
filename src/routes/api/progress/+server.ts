import { apiRoute, ApiError, jsonResponse, withStorage } from '$lib/server/api';
import { LEARNER_COOKIE, learnerFrom } from '$lib/server/learner-cookie';
import { loadProgress } from '$lib/server/progress-store';

export const prerender = false;

/** Everything the server keeps for this browser's learner; 404 when that is nothing. */
export const GET = apiRoute(async (event) => {
	const learnerId = event.cookies.get(LEARNER_COOKIE) ? await withStorage(() => learnerFrom(event)) : null;
	const progress = learnerId ? await withStorage((db) => loadProgress(db, learnerId)) : null;
	// A learner with only a resume code has nothing stored either.
	if (!progress || (Object.keys(progress.answers).length === 0 && Object.keys(progress.sections).length === 0))
		throw new ApiError(404, 'no_progress', 'Er staat voor jou nog niets op de server.');
	return jsonResponse(200, progress);
});
