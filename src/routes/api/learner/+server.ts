import { apiRoute, enforceLimit, guardWrite, jsonResponse, withStorage } from '$lib/server/api';
import { afterDelete } from '$lib/server/context';
import { clearLearnerCookie, LEARNER_COOKIE, learnerFrom } from '$lib/server/learner-cookie';
import { deleteLearner } from '$lib/server/progress-store';
import { LEARNER_WRITES } from '$lib/server/rate-limit';

export const prerender = false;

/** "Wis mijn gegevens": the learner, answers, sections and resume code; 204 also when nothing was stored. */
export const DELETE = apiRoute(async (event) => {
	guardWrite(event, { body: false });
	const learnerId = event.cookies.get(LEARNER_COOKIE) ? await withStorage(() => learnerFrom(event)) : null;
	if (learnerId) {
		await enforceLimit(LEARNER_WRITES, learnerId, 'Te veel aanvragen in korte tijd.');
		await withStorage(async (db) => {
			await deleteLearner(db, learnerId);
			afterDelete(); // the deleted text leaves the WAL too (secure_delete zeroed it in the file)
		});
	}
	clearLearnerCookie(event);
	return jsonResponse(204, null);
});
