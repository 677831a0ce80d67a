import { apiRoute, ApiError, guardWrite, jsonResponse, learnerForWrite, readBody, withStorage } from '$lib/server/api';
import { syncBodySchema } from '$lib/server/api-schema';
import { catalogue, rejectUnknown } from '$lib/server/catalogue';
import { setLearnerCookie } from '$lib/server/learner-cookie';
import { applyChanges } from '$lib/server/progress-store';

export const prerender = false;

/** Store changes from the browser's queue; the first sync of a browser creates its learner. */
export const POST = apiRoute(async (event) => {
	guardWrite(event, { body: true });
	const { changes } = await readBody(event.request, syncBodySchema);
	const rejected = rejectUnknown(changes, catalogue());
	if (rejected) throw new ApiError(422, rejected.code, rejected.message);

	const learnerId = await learnerForWrite(event, 'Te veel wijzigingen in korte tijd.');
	const { applied, notApplied } = await withStorage((db) => applyChanges(db, learnerId, changes));
	// Renewed on every sync: the cookie lives as long as the records, counted from the last change.
	await setLearnerCookie(event, learnerId);
	// accepted: stored or known, the device may drop them from its queue; notApplied (a part of
	// accepted): the server holds a newer answer for that exercise, the device should fetch it.
	return jsonResponse(200, { applied, accepted: changes.map((c) => c.id), notApplied });
});
