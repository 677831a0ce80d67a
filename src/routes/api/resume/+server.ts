import { apiRoute, ApiError, clientAddress, enforceLimit, guardWrite, jsonResponse, readBody, withStorage } from '$lib/server/api';
import { resumeBodySchema } from '$lib/server/api-schema';
import { learnerFrom, setLearnerCookie } from '$lib/server/learner-cookie';
import { deleteLearner, ensureLearner, learnerForCode, loadProgress } from '$lib/server/progress-store';
import { RESUME_TRIES } from '$lib/server/rate-limit';

export const prerender = false;

/** Continue on this device: a code gives its learner's records and makes this browser that learner. */
export const POST = apiRoute(async (event) => {
	guardWrite(event, { body: true });
	const { code } = await readBody(event.request, resumeBodySchema);
	// Counted per address before the look-up, right or wrong: guessing codes stays hopeless.
	await enforceLimit(RESUME_TRIES, clientAddress(event), 'Te veel pogingen met een code.');
	const progress = await withStorage(async (db) => {
		const learnerId = await learnerForCode(db, code);
		if (!learnerId) return null;
		await ensureLearner(db, learnerId); // resuming is activity: the retention period starts again
		// This browser's earlier identity would be out of the learner's reach ("Wis mijn gegevens"
		// only knows the cookie): remove it. Its answers are on the device and sync to the new one.
		const previous = learnerFrom(event.cookies);
		if (previous && previous !== learnerId) await deleteLearner(db, previous);
		const found = (await loadProgress(db, learnerId))!;
		return { learnerId, found };
	});
	if (!progress) throw new ApiError(404, 'unknown_code', 'Deze code kennen we niet. Kijk of je hem goed hebt overgenomen, of maak op je andere apparaat een nieuwe code.');
	setLearnerCookie(event, progress.learnerId);
	return jsonResponse(200, progress.found);
});
