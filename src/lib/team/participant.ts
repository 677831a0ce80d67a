// A participant's device, on every page: loaded by client.ts only when `etool.team` exists, so no
// one else downloads any of this. It shows the marker, reports the learner's first checked answers
// and the sections opened (from the learner's own progress, which stays on the device as before),
// and offers "Delen met het team" under each reflection. When the session is gone (ended by the
// facilitator, or expired), the device forgets it and says so once.
import { fill } from '$lib/i18n/fill';
import { browserProgress } from '$lib/progress/browser';
import { participantApi } from './api';
import { showMarker, type Marker } from './marker';
import { forgetMembership, readMembership, writeMembership, type Membership } from './membership';
import { participantStrings as strings } from './participant-strings';
import { nextBatch } from './queue';
import { enhanceShare, type Shared } from './share';

/** Wait this long after a change before sending, so a burst of changes goes in one request. */
const SEND_DELAY = 400;
/** After a failed send (offline), try again after this long; the next change tries too. */
const RETRY_DELAY = 10_000;

export async function startTeam(root: Document): Promise<void> {
	const membership = readMembership();
	if (!membership) return;
	// The styles come first, so the marker never shows unstyled. Loaded from here, not imported at
	// the top: then the stylesheet's name is in this module, not in the enhancer every page loads.
	await import('./participant-style');
	const api = participantApi(membership.key);
	let ended = false;
	let marker: Marker | null = null;

	function end(): void {
		if (ended) return;
		ended = true;
		forgetMembership();
		marker?.notice(fill(strings['team.ended']!, { title: membership!.title }));
	}

	marker = showMarker(root, membership.title, strings, async () => {
		const result = await api.leave();
		// Gone already (404) is left too.
		if (!result.ok && result.status !== 404) return false;
		ended = true;
		forgetMembership();
		return true;
	});

	// Reporting: what the device knows and the session does not, in batches, one request at a time.
	const sent = new Set(membership.sent);
	const seen = new Set(membership.seen);
	let sending = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	async function send(): Promise<void> {
		if (sending || ended) return;
		const batch = nextBatch(browserProgress.get().progress, sent, seen);
		if (!batch) return;
		sending = true;
		const result = await api.progress(batch.answers, batch.sections);
		sending = false;
		if (result.ok) {
			for (const a of batch.answers) sent.add(a.exerciseId);
			for (const s of batch.sections) seen.add(s);
			const current: Membership = { ...(readMembership() ?? membership!), sent: [...sent], seen: [...seen] };
			if (!ended) writeMembership(current);
			schedule(0);
		} else if (result.status === 404 || result.status === 401) end();
		// A body the server refused (400) would be refused again: mark it as done, not retried forever.
		else if (result.status === 400 || result.status === 422) {
			for (const a of batch.answers) sent.add(a.exerciseId);
			for (const s of batch.sections) seen.add(s);
		} else schedule(RETRY_DELAY);
	}
	function schedule(delay = SEND_DELAY): void {
		clearTimeout(timer);
		timer = setTimeout(() => void send(), delay);
	}
	browserProgress.subscribe(({ loaded }) => loaded && schedule());

	// Is the session still there, and what did this participant share?
	const me = await api.me();
	if (!me.ok) {
		if (me.status === 404 || me.status === 401) end();
		return;
	}
	if (me.data.title !== membership.title) writeMembership({ ...membership, title: me.data.title, sent: [...sent], seen: [...seen] });
	const shared = new Map<string, Shared>(me.data.shared.map((s) => [s.exerciseId, { text: s.text, status: s.status }]));
	for (const exercise of root.querySelectorAll<HTMLElement>('[data-exercise-id]')) {
		if (!exercise.querySelector('form[data-reflection]')) continue;
		const id = exercise.dataset.exerciseId!;
		enhanceShare(
			exercise,
			id,
			browserProgress,
			strings,
			{
				share: async (exerciseId, text) => {
					const result = await api.share(exerciseId, text);
					if (result.status === 404) end();
					return result.ok;
				},
				withdraw: async (exerciseId) => {
					const result = await api.withdraw(exerciseId);
					// The session is gone, and the text with it: withdrawn is what the learner wanted.
					if (result.status === 404) {
						end();
						return true;
					}
					return result.ok;
				}
			},
			shared.get(id) ?? null
		);
	}
}

// Importing this module is starting it (client.ts and the join page only import it): one call less
// in the enhancer that every page carries.
void startTeam(document);
