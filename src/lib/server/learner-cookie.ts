import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { settings } from './context';
import { retentionSeconds } from './settings';

/** The anonymous learner id, the only thing that ties a browser to its records on the server. */
export const LEARNER_COOKIE = 'etool_learner';

// newLearnerId(): 16 random bytes as base64url. Anything else in the cookie is ignored, not trusted.
const learnerId = /^[A-Za-z0-9_-]{22}$/;

/** The learner of this browser, or null when there is no (valid) cookie. */
export function learnerFrom(cookies: Cookies): string | null {
	const id = cookies.get(LEARNER_COOKIE);
	return id && learnerId.test(id) ? id : null;
}

// SvelteKit would mark the cookie Secure on any non-localhost host, also on plain http, where the
// browser then drops it; so Secure follows the protocol (server.js tells SvelteKit the real one).
const secure = (event: RequestEvent) => event.url.protocol === 'https:';

/** Set (or renew) the cookie: httpOnly, SameSite=Lax, for as long as the records are kept. */
export function setLearnerCookie(event: RequestEvent, id: string): void {
	event.cookies.set(LEARNER_COOKIE, id, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(event),
		maxAge: retentionSeconds(settings().retentionMonths)
	});
}

/** "Wis mijn gegevens": the browser forgets the id too. */
export function clearLearnerCookie(event: RequestEvent): void {
	event.cookies.delete(LEARNER_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(event) });
}
