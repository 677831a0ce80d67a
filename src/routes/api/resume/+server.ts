import { apiRoute, ApiError, clientAddress, guardWrite, jsonResponse, readBody, withStorage } from '$lib/server/api';
import { resumeBodySchema } from '$lib/server/api-schema';
import { settings } from '$lib/server/context';
import { learnerFrom, setLearnerCookie } from '$lib/server/learner-cookie';
import { deleteLearner, ensureLearner, loadProgress, redeemResumeCode } from '$lib/server/progress-store';
import { addressGroup, hit, peek, RESUME_TRIES, RESUME_TRIES_TOTAL, type Verdict } from '$lib/server/rate-limit';

export const prerender = false;

const tooMany = (verdict: Verdict) => {
	const minutes = Math.ceil(verdict.retryAfter / 60);
	return new ApiError(429, 'too_many_requests', `Te veel verkeerde codes geprobeerd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`, {
		'retry-after': String(verdict.retryAfter)
	});
};

/**
 * Continue on this device: a code gives its learner's records and makes this browser that learner.
 * A code works once and for RESUME_CODE_MINUTES. Only wrong codes count against the limits (per
 * address group, and for everyone together), so a class behind one address is not stopped by its
 * own successful tries.
 */
export const POST = apiRoute(async (event) => {
	guardWrite(event, { body: true });
	const { code } = await readBody(event.request, resumeBodySchema);
	const group = addressGroup(clientAddress(event));
	const progress = await withStorage(async (db) => {
		const own = await peek(db, RESUME_TRIES, group);
		if (!own.allowed) throw tooMany(own);
		const total = await peek(db, RESUME_TRIES_TOTAL, 'all');
		if (!total.allowed) throw tooMany(total);
		const learnerId = await redeemResumeCode(db, code, settings().resumeCodeMinutes);
		if (!learnerId) {
			await hit(db, RESUME_TRIES, group);
			await hit(db, RESUME_TRIES_TOTAL, 'all');
			return null;
		}
		await ensureLearner(db, learnerId); // resuming is activity: the retention period starts again
		// This browser's earlier identity would be out of the learner's reach ("Wis mijn gegevens"
		// only knows the cookie): remove it. Its answers are on the device and sync to the new one.
		const previous = await learnerFrom(event);
		if (previous && previous !== learnerId) await deleteLearner(db, previous);
		const found = (await loadProgress(db, learnerId))!;
		return { learnerId, found };
	});
	if (!progress)
		throw new ApiError(
			404,
			'unknown_code',
			'Deze code werkt niet: hij klopt niet, is al gebruikt of is verlopen. Maak op je andere apparaat een nieuwe code en neem die over.'
		);
	await setLearnerCookie(event, progress.learnerId);
	return jsonResponse(200, progress.found);
});
