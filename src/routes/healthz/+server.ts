import { jsonResponse } from '$lib/server/api';
import { pingDb, resetDbAfter } from '$lib/server/context';
import { describeError, logLine } from '$lib/server/log';

export const prerender = false;

/**
 * For a load balancer: is this instance and its database working? The check writes a heartbeat,
 * so a database that can still be read but not written (a full disk, a read-only file) shows as 503.
 */
export const GET = async () => {
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
