import { apiRoute, ApiError, enforceLimit, guardWrite, jsonResponse, readBody, withStorage } from '$lib/server/api';
import { syncBodySchema } from '$lib/server/api-schema';
import { catalogue, rejectUnknown } from '$lib/server/catalogue';
import { learnerFrom, setLearnerCookie } from '$lib/server/learner-cookie';
import { applyChanges, newLearnerId } from '$lib/server/progress-store';
import { LEARNER_WRITES } from '$lib/server/rate-limit';

export const prerender = false;

/** Store changes from the browser's queue; the first sync of a browser creates its learner. */
export const POST = apiRoute(async (event) => {
	guardWrite(event, { body: true });
	const { changes } = await readBody(event.request, syncBodySchema);
	const rejected = rejectUnknown(changes, catalogue());
	if (rejected) throw new ApiError(422, rejected.code, rejected.message);

	const learnerId = learnerFrom(event.cookies) ?? newLearnerId();
	await enforceLimit(LEARNER_WRITES, learnerId, 'Te veel wijzigingen in korte tijd.');
	const applied = await withStorage((db) => applyChanges(db, learnerId, changes));
	// Renewed on every sync: the cookie lives as long as the records, counted from the last change.
	setLearnerCookie(event, learnerId);
	return jsonResponse(200, { applied, accepted: changes.map((c) => c.id) });
});
