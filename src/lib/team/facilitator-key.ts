// The facilitator key in the browser: it arrives in the page URL's fragment (`#sleutel=…`, which is
// never sent to a server), is kept in sessionStorage for this tab, and is taken out of the address
// bar at once, so a projector or a screenshot does not show it.

const SESSION_KEY = 'etool.team.sleutel';

/** The key from `#sleutel=` (then out of the address bar) or from this tab's storage; null if none. */
export function facilitatorKey(): string | null {
	const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('sleutel');
	if (fromHash) {
		history.replaceState(history.state, '', location.pathname + location.search);
		try {
			sessionStorage.setItem(SESSION_KEY, fromHash);
		} catch {
			// Storage blocked: the key works on this page until it is reloaded.
		}
		return fromHash;
	}
	try {
		return sessionStorage.getItem(SESSION_KEY);
	} catch {
		return null;
	}
}

/** Forget the key (the session ended). */
export function forgetFacilitatorKey(): void {
	try {
		sessionStorage.removeItem(SESSION_KEY);
	} catch {
		// Nothing was kept.
	}
}

/** A link to another facilitator page of this session, carrying the key in its fragment. */
export const withKey = (href: string, key: string): string => `${href}#sleutel=${encodeURIComponent(key)}`;
