import QRCode from 'qrcode';
import { apiRoute, guardWrite, jsonResponse, learnerForWrite, withStorage } from '$lib/server/api';
import { settings } from '$lib/server/context';
import { setLearnerCookie } from '$lib/server/learner-cookie';
import { replaceResumeCode } from '$lib/server/progress-store';

export const prerender = false;

/**
 * A new code to continue on another device (the old one stops working), with the link and a QR
 * code of the link as SVG, drawn here so the page needs no QR code in its JavaScript. The code is
 * in the link's fragment (`#code=`): a browser never sends that part, so no proxy log keeps it.
 */
export const POST = apiRoute(async (event) => {
	guardWrite(event, { body: false });
	const learnerId = await learnerForWrite(event, 'Te veel aanvragen in korte tijd.');
	const code = await withStorage((db) => replaceResumeCode(db, learnerId));
	await setLearnerCookie(event, learnerId);
	const url = `${event.url.origin}/verder#code=${code.replace(/-/g, '')}`;
	const qrSvg = await QRCode.toString(url, { type: 'svg' });
	const expiresAt = new Date(Date.now() + settings().resumeCodeMinutes * 60_000).toISOString();
	return jsonResponse(200, { code, url, qrSvg, expiresAt });
});
