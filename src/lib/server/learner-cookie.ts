import { createHmac } from 'node:crypto';
import { learnerKey, settings } from './context';
import { cookieValue, type ApiRequest } from './http';
import { retentionSeconds } from './settings';

/** The anonymous learner id, the only thing that ties a browser to its records on the server. */
export const LEARNER_COOKIE = 'etool_learner';

// The cookie is `<id>.<signature>`: the id (16 random bytes, base64url, made by the server) and an
// HMAC-SHA256 of it with the server's key, cut to 128 bits. A client cannot choose or invent an id:
// an unsigned, forged or fixed value is treated as no cookie at all, so it counts as a new learner
// (limited per address) and gets a fresh id from the server.
const signed = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;

// Signatures already computed, per id: a save checks the cookie and sets it again, and the same
// learner saves again and again, so two HMACs per save (2-3 % of it) become two lookups. Bounded;
// only for the key they were made with.
const known = new Map<string, string>();
let knownKey: Buffer | undefined;
const KNOWN_MAX = 50_000;

const hmac = (key: Buffer, id: string) => createHmac('sha256', key).update(id).digest('base64url').slice(0, 22);

function remember(key: Buffer, id: string, made: string): void {
	if (knownKey !== key) {
		known.clear();
		knownKey = key;
	}
	if (known.size >= KNOWN_MAX) known.clear();
	known.set(id, made);
}

function signature(key: Buffer, id: string): string {
	let made = knownKey === key ? known.get(id) : undefined;
	if (made === undefined) remember(key, id, (made = hmac(key, id)));
	return made;
}

/** The cookie value for a learner id. */
export const signLearner = (key: Buffer, id: string): string => `${id}.${signature(key, id)}`;

/**
 * Is `made` (22 characters) the signature in `value` (after the id and the dot)? Every character is
 * compared, whichever differs first, as timingSafeEqual does: the time taken tells a forger nothing
 * about how much of a signature was right. Without the two buffers timingSafeEqual needs per check.
 */
function signatureMatches(made: string, value: string): boolean {
	let difference = 0;
	for (let i = 0; i < 22; i++) difference |= made.charCodeAt(i) ^ value.charCodeAt(23 + i);
	return difference === 0;
}

/** The id in a cookie value, when the signature is ours; otherwise null. */
export function verifyLearner(key: Buffer, value: string | undefined): string | null {
	if (!value || !signed.test(value)) return null;
	const id = value.slice(0, 22);
	// A forged id is signed here too, but never kept: only an id whose signature matched is remembered.
	const cached = knownKey === key ? known.get(id) : undefined;
	const made = cached ?? hmac(key, id);
	if (!signatureMatches(made, value)) return null;
	if (cached === undefined) remember(key, id, made);
	return id;
}

/** The learner of this browser by the signing key, or null when there is no cookie the server signed. */
export function signedLearner(req: ApiRequest, key: Buffer): string | null {
	const value = cookieValue(req, LEARNER_COOKIE);
	return value ? verifyLearner(key, value) : null;
}

/** The learner of this browser, or null when there is no cookie the server signed. */
export async function learnerFrom(req: ApiRequest): Promise<string | null> {
	return signedLearner(req, await learnerKey());
}

/** Does the request carry a learner cookie at all (signed or not)? */
export const hasLearnerCookie = (req: ApiRequest): boolean => !!cookieValue(req, LEARNER_COOKIE);

// Secure follows the protocol (server.js tells which one it is), so the browser keeps the cookie on
// plain http too. The attributes are in the order SvelteKit's `cookie` package wrote them.
const attributes = (req: ApiRequest, maxAge: number) => `; Max-Age=${maxAge}; Path=/; HttpOnly${req.https ? '; Secure' : ''}; SameSite=Lax`;

/**
 * The Set-Cookie value that sets (or renews) the cookie: signed with `key` (learnerKey), httpOnly,
 * SameSite=Lax, for as long as the records are kept.
 */
export function learnerCookie(req: ApiRequest, key: Buffer, id: string): string {
	return `${LEARNER_COOKIE}=${signLearner(key, id)}${attributes(req, retentionSeconds(settings().retentionMonths))}`;
}

/** "Wis mijn gegevens": the Set-Cookie value that makes the browser forget the id too. */
export const clearedLearnerCookie = (req: ApiRequest): string => `${LEARNER_COOKIE}=${attributes(req, 0)}`;
