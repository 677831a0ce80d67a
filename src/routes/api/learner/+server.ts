import { apiRoute, enforceLimit, guardWrite, jsonResponse, withStorage } from '$lib/server/api';
import { clearLearnerCookie, learnerFrom } from '$lib/server/learner-cookie';
import { deleteLearner } from '$lib/server/progress-store';
import { LEARNER_WRITES } from '$lib/server/rate-limit';

export const prerender = false;

/** "Wis mijn gegevens": the learner, answers, sections and resume code; 204 also when nothing was stored. */
export const DELETE = apiRoute(async (event) => {
	guardWrite(event, { body: false });
	const learnerId = learnerFrom(event.cookies);
	if (learnerId) {
		await enforceLimit(LEARNER_WRITES, learnerId, 'Te veel aanvragen in korte tijd.');
		await withStorage((db) => deleteLearner(db, learnerId));
	}
	clearLearnerCookie(event);
	return jsonResponse(204, null);
});
