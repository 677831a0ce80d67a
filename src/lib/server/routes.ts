import QRCode from 'qrcode';
import { ApiError, clientAddress, enforceLimit, guardWrite, learnerForWrite, readBody, withStorage } from './api';
import { resumeBodySchema, syncBodySchema } from './api-schema';
import { catalogue, rejectUnknown } from './catalogue';
import { afterDelete, learnerKey, pingDb, resetDbAfter, settings } from './context';
import { jsonResponse, type ApiRequest, type ApiResponse } from './http';
import { clearedLearnerCookie, hasLearnerCookie, learnerCookie, learnerFrom } from './learner-cookie';
import { describeError, logLine } from './log';
import { oneAtATime } from './serial';
import { applyChanges, deleteLearner, ensureLearner, loadProgress, redeemResumeCode, replaceResumeCode } from './progress-store';
import { addressGroup, hit, LEARNER_WRITES, peek, RESUME_TRIES, RESUME_TRIES_TOTAL, type Verdict } from './rate-limit';
import type { StreamResponse } from './stream';
import { quickSyncBody } from './sync-body';
import { TEAM_ROUTES } from './team/routes';

// The API's endpoints (docs/api.md), answered by router.ts in front of SvelteKit, on the request
// shape of http.ts. (They were SvelteKit routes under src/routes/api/ before decision 0005's
// speed work; the behaviour, statuses and messages are the same.)

/** A route's answer: JSON (http.ts) or, for an event stream, a StreamResponse (stream.ts). */
export type Handler = (req: ApiRequest) => Promise<ApiResponse | StreamResponse> | ApiResponse;

/** The browser asks this to know that progress can be kept on a server too. */
const status: Handler = () => jsonResponse(200, { sync: true, version: 1 });

/** Store changes from the browser's queue; the first sync of a browser creates its learner. */
const sync: Handler = async (req) => {
	guardWrite(req, { body: true });
	const { changes } = await readBody(req, syncBodySchema, quickSyncBody);
	const rejected = rejectUnknown(changes, catalogue());
	if (rejected) throw new ApiError(422, rejected.code, rejected.message);

	const { learnerId, key } = await learnerForWrite(req, 'Te veel wijzigingen in korte tijd.');
	// Written together with the saves of other requests that arrive meanwhile (group commit,
	// save-batch.ts); this answer waits for that transaction's commit.
	const { applied, notApplied } = await withStorage((db) => applyChanges(db, learnerId, changes));
	// The cookie is renewed on every sync: it lives as long as the records, counted from the last change.
	// accepted: stored or known, the device may drop them from its queue; notApplied (a part of
	// accepted): the server holds a newer answer for that exercise, the device should fetch it.
	return jsonResponse(200, { applied, accepted: changes.map((c) => c.id), notApplied }, { 'set-cookie': learnerCookie(req, key, learnerId) });
};

/** Everything the server keeps for this browser's learner; 404 when that is nothing. */
const progress: Handler = async (req) => {
	const learnerId = hasLearnerCookie(req) ? await withStorage(() => learnerFrom(req)) : null;
	const found = learnerId ? await withStorage((db) => loadProgress(db, learnerId)) : null;
	// A learner with only a resume code has nothing stored either.
	if (!found || (Object.keys(found.answers).length === 0 && Object.keys(found.sections).length === 0))
		throw new ApiError(404, 'no_progress', 'Er staat voor jou nog niets op de server.');
	return jsonResponse(200, found);
};

/** "Wis mijn gegevens": the learner, answers, sections and resume code; 204 also when nothing was stored. */
const forget: Handler = async (req) => {
	guardWrite(req, { body: false });
	const learnerId = hasLearnerCookie(req) ? await withStorage(() => learnerFrom(req)) : null;
	if (learnerId) {
		await enforceLimit(LEARNER_WRITES, learnerId, 'Te veel aanvragen in korte tijd.');
		await withStorage(async (db) => {
			await deleteLearner(db, learnerId);
			afterDelete(); // the deleted text leaves the WAL too (secure_delete zeroed it in the file)
		});
	}
	return jsonResponse(204, null, { 'set-cookie': clearedLearnerCookie(req) });
};

/**
 * A new code to continue on another device (the old one stops working), with the link and a QR
 * code of the link as SVG, drawn here so the page needs no QR code in its JavaScript. The code is
 * in the link's fragment (`#code=`): a browser never sends that part, so no proxy log keeps it.
 */
const resumeCode: Handler = async (req) => {
	guardWrite(req, { body: false });
	const { learnerId, key } = await learnerForWrite(req, 'Te veel aanvragen in korte tijd.');
	const code = await withStorage((db) => replaceResumeCode(db, learnerId));
	const cookie = learnerCookie(req, key, learnerId);
	const url = `${req.origin}/verder#code=${code.replace(/-/g, '')}`;
	const qrSvg = await QRCode.toString(url, { type: 'svg' });
	const expiresAt = new Date(Date.now() + settings().resumeCodeMinutes * 60_000).toISOString();
	return jsonResponse(200, { code, url, qrSvg, expiresAt }, { 'set-cookie': cookie });
};

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
const resume: Handler = async (req) => {
	guardWrite(req, { body: true });
	const { code } = await readBody(req, resumeBodySchema);
	const group = addressGroup(clientAddress(req));
	// One try at a time per address group (serial.ts): a burst must not all read the same count.
	const result = await oneAtATime(`resume:${group}`, () =>
		withStorage(async (db) => {
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
			const previous = await learnerFrom(req);
			if (previous && previous !== learnerId) await deleteLearner(db, previous);
			const found = (await loadProgress(db, learnerId))!;
			return { learnerId, found };
		})
	);
	if (!result)
		throw new ApiError(
			404,
			'unknown_code',
			'Deze code werkt niet: hij klopt niet, is al gebruikt of is verlopen. Maak op je andere apparaat een nieuwe code en neem die over.'
		);
	return jsonResponse(200, result.found, { 'set-cookie': learnerCookie(req, await learnerKey(), result.learnerId) });
};

/**
 * For a load balancer: is this instance and its database working? The check writes a heartbeat,
 * so a database that can still be read but not written (a full disk, a read-only file) shows as 503.
 */
const healthz: Handler = async () => {
	try {
		await pingDb();
		return jsonResponse(200, { status: 'ok', db: 'ok' });
	} catch (error) {
		logLine({ event: 'healthz-failed', ...describeError(error) });
		resetDbAfter(error);
		return jsonResponse(503, {
			status: 'error',
			db: 'error',
			error: { code: 'storage_unavailable', message: 'De database van de server is niet bereikbaar of kan niet schrijven.' }
		});
	}
};

/** Path → method → handler. HEAD is answered by GET (without the body), as SvelteKit did. */
export const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
	'/api/status': { GET: status },
	'/api/sync': { POST: sync },
	'/api/progress': { GET: progress },
	'/api/learner': { DELETE: forget },
	'/api/resume-code': { POST: resumeCode },
	'/api/resume': { POST: resume },
	'/healthz': { GET: healthz },
	// Team sessions (issue 11): their handlers live in team/routes.ts.
	...TEAM_ROUTES
};
