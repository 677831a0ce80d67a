import QRCode from 'qrcode';
import {
	checkCreateBody, checkDecisionBody, checkJoinBody, checkProgressBody, checkShareBody, checkWithdrawBody, formatJoinCode, isTeamKey, TEAM_LIMITS,
	type Checked, type CreatedSession, type JoinInfo, type Joined, type MyTeamState
} from '$lib/team/contract';
import { ApiError, clientAddress, enforceLimit, guardWrite, readJson, withStorage } from '../api';
import { catalogue } from '../catalogue';
import { settings } from '../context';
import { header, jsonResponse, type ApiRequest, type ApiResponse } from '../http';
import { addressGroup, hit, peek, type Verdict } from '../rate-limit';
import type { StreamResponse } from '../stream';
import { boardState } from './board';
import { teamCourse } from './course';
import { teamHub } from './hub';
import { ADDRESS_WRITES, BOARD_READS, JOIN_TRIES, JOIN_TRIES_TOTAL, NEW_SESSIONS, NEW_SESSIONS_TOTAL, PARTICIPANT_WRITES } from './limits';
import { oneAtATime } from '../serial';
import * as store from './store';
import { STREAM_CAP_MESSAGES, streamCaps } from './streams';

// The team endpoints (docs/api.md "Teamsessie", decision 0011). Keys travel only in
// `authorization: Bearer <key>`; a wrong or unknown key is a 404 like an ended session, so no answer
// tells a guesser more. Nothing here logs a title, code, key or text.

type TeamHandler = (req: ApiRequest) => Promise<ApiResponse | StreamResponse>;

const ended = () => new ApiError(404, 'unknown_session', 'Deze teamsessie bestaat niet (meer): de link klopt niet, of de sessie is beëindigd of verlopen.');

/** The key in `authorization: Bearer <key>`, or null. */
function bearer(req: ApiRequest): string | null {
	const value = header(req, 'authorization');
	const key = value && /^Bearer\s+(\S+)$/i.exec(value)?.[1];
	return key && isTeamKey(key) ? key : null;
}

async function facilitatorSession(req: ApiRequest): Promise<store.SessionRow> {
	const key = bearer(req);
	const session = key ? await withStorage((db) => store.sessionByKey(db, key, settings().teamSessionDays)) : null;
	if (!session) throw ended();
	return session;
}

async function participant(req: ApiRequest): Promise<store.ParticipantRow> {
	const key = bearer(req);
	const found = key ? await withStorage((db) => store.participantByKey(db, key, settings().teamSessionDays)) : null;
	if (!found) throw ended();
	return found;
}

const TEXT_MESSAGES: Record<string, Record<string, string>> = {
	title: {
		empty: 'Geef de teamsessie een titel.',
		long: `De titel is te lang: hoogstens ${TEAM_LIMITS.title} tekens.`,
		word: `Een woord in de titel is te lang: hoogstens ${TEAM_LIMITS.word} tekens zonder spatie.`,
		control: 'De titel bevat een teken dat niet kan, zoals een regeleinde of een teken dat de leesrichting omdraait.'
	},
	text: {
		empty: 'De tekst om te delen is leeg.',
		long: `De tekst is te lang om te delen: hoogstens ${TEAM_LIMITS.text} tekens.`,
		word: `Een woord in de tekst is te lang: hoogstens ${TEAM_LIMITS.word} tekens zonder spatie.`,
		control: 'De tekst bevat een teken dat niet kan, zoals een teken dat de leesrichting omdraait.'
	}
};

/** Read a JSON body and check it with the contract: 400 with a Dutch message naming the field. */
async function body<T>(req: ApiRequest, check: (body: unknown) => Checked<T>): Promise<T> {
	const checked = check(await readJson(req));
	if (checked.ok) return checked.value;
	const message = TEXT_MESSAGES[checked.field]?.[checked.problem] ?? `Het veld "${checked.field}" ontbreekt of klopt niet.`;
	throw new ApiError(400, 'invalid_body', message);
}

const unprocessable = (code: string, message: string) => new ApiError(422, code, message);

// ---- facilitator ----

const createSession: TeamHandler = async (req) => {
	guardWrite(req, { body: true });
	const { title } = await body(req, checkCreateBody);
	await enforceLimit(NEW_SESSIONS, addressGroup(clientAddress(req)), 'Te veel teamsessies gestart vanaf dit adres.');
	await enforceLimit(NEW_SESSIONS_TOTAL, 'all', 'Er zijn de laatste tijd te veel teamsessies gestart op deze server.');
	const session = await withStorage((db) => store.createSession(db, title));
	const created: CreatedSession = {
		facilitatorKey: session.facilitatorKey,
		...(await joinInfo(req, session.joinCode)),
		title,
		expiresAt: store.expiresAt(session.lastActivityAt, settings().teamSessionDays)
	};
	return jsonResponse(201, created);
};

/** The code, the link to join and its QR code (SVG, drawn here so no page needs QR code in its JavaScript). */
async function joinInfo(req: ApiRequest, code: string): Promise<JoinInfo> {
	// The code is in the link's fragment, which browsers never send: no proxy log keeps it.
	const joinUrl = `${req.origin}/team/doe-mee#code=${code}`;
	return { joinCode: formatJoinCode(code), joinUrl, qrSvg: await QRCode.toString(joinUrl, { type: 'svg' }) };
}

/** For the panel and the board: how participants join (the board shows the QR code to the room). */
const getJoinInfo: TeamHandler = async (req) => jsonResponse(200, await joinInfo(req, (await facilitatorSession(req)).joinCode));

const board = (session: store.SessionRow) => withStorage((db) => boardState(db, session, teamCourse(), settings().teamSessionDays));

/** A facilitator's read of the whole board (JSON or a new stream), within BOARD_READS. */
async function boardReader(req: ApiRequest): Promise<store.SessionRow> {
	const session = await facilitatorSession(req);
	await enforceLimit(BOARD_READS, session.id, 'Het bord van deze teamsessie is te vaak opgevraagd.');
	return session;
}

const getSession: TeamHandler = async (req) => jsonResponse(200, await board(await boardReader(req)));

/** The board as a stream: its state now, then after every change (hub.ts); within the caps of streams.ts. */
const sessionEvents: TeamHandler = async (req) => {
	const session = await boardReader(req);
	const place = streamCaps().take(session.id, addressGroup(clientAddress(req)));
	if (typeof place === 'string') throw new ApiError(429, 'too_many_streams', STREAM_CAP_MESSAGES[place], { 'retry-after': '30' });
	return { status: 200, stream: (res) => teamHub().subscribe(session.id, res), done: place.release };
};

const decide: TeamHandler = async (req) => {
	guardWrite(req, { body: true });
	const session = await boardReader(req); // it answers with the whole board
	const { id, decision } = await body(req, checkDecisionBody);
	if (!(await withStorage((db) => store.decideReflection(db, session.id, id, decision))))
		throw new ApiError(404, 'unknown_reflection', 'Deze gedeelde tekst bestaat niet (meer): de deelnemer heeft hem misschien ingetrokken.');
	teamHub().changed(session.id);
	return jsonResponse(200, await board(session));
};

const endSession: TeamHandler = async (req) => {
	guardWrite(req, { body: false });
	const session = await facilitatorSession(req);
	await withStorage((db) => store.deleteSessions(db, [session.id]));
	teamHub().changed(session.id); // its boards get `ended`
	return jsonResponse(204, null);
};

// ---- participant ----

const tooMany = (verdict: Verdict) => {
	const minutes = Math.ceil(verdict.retryAfter / 60);
	return new ApiError(429, 'too_many_requests', `Te veel verkeerde codes geprobeerd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`, {
		'retry-after': String(verdict.retryAfter)
	});
};

/** Join with a code. Only wrong codes count against the limits, so a whole room behind one address can join. */
const join: TeamHandler = async (req) => {
	guardWrite(req, { body: true });
	const { code } = await body(req, checkJoinBody);
	const group = addressGroup(clientAddress(req));
	const { teamSessionMax, teamSessionDays } = settings();
	// One join at a time per address group: the count read first must be the one the code is tried under (serial.ts).
	const result = await oneAtATime(`join:${group}`, () => withStorage(async (db) => {
		const own = await peek(db, JOIN_TRIES, group);
		if (!own.allowed) throw tooMany(own);
		const total = await peek(db, JOIN_TRIES_TOTAL, 'all');
		if (!total.allowed) throw tooMany(total);
		const joined = await store.joinSession(db, code, teamSessionMax, teamSessionDays);
		if (joined === 'unknown') {
			await hit(db, JOIN_TRIES, group);
			await hit(db, JOIN_TRIES_TOTAL, 'all');
		}
		return joined;
	}));
	if (result === 'unknown') throw new ApiError(404, 'unknown_code', 'Deze code klopt niet, of de teamsessie is afgelopen. Vraag de code nog eens na.');
	if (result === 'full') throw new ApiError(409, 'session_full', `Deze teamsessie is vol: er doen al ${teamSessionMax} mensen mee.`);
	teamHub().changed(result.sessionId);
	const joined: Joined = { participantKey: result.participantKey, title: result.title, code: formatJoinCode(result.joinCode) };
	return jsonResponse(200, joined);
};

/** A participant's write: the key's participant, within the write limit. */
async function writer(req: ApiRequest, withBody: boolean): Promise<store.ParticipantRow> {
	guardWrite(req, { body: withBody });
	const found = await participant(req);
	await enforceLimit(PARTICIPANT_WRITES, found.id, 'Te veel aanvragen in korte tijd.');
	await enforceLimit(ADDRESS_WRITES, addressGroup(clientAddress(req)), 'Te veel aanvragen vanaf dit adres in korte tijd.');
	return found;
}

const me: TeamHandler = async (req) => {
	const found = await participant(req);
	const state: MyTeamState = { title: found.title, code: formatJoinCode(found.joinCode), shared: await withStorage((db) => store.ownShared(db, found)) };
	return jsonResponse(200, state);
};

const progress: TeamHandler = async (req) => {
	const found = await writer(req, true);
	const { answers, sections } = await body(req, checkProgressBody);
	const course = teamCourse();
	for (const answer of answers) {
		const exercise = course.scoredById.get(answer.exerciseId);
		if (!exercise) throw unprocessable('unknown_exercise', `Oefening "${answer.exerciseId}" is geen geteste oefening van deze e-tool.`);
		if (exercise.type !== answer.value.type)
			throw unprocessable('type_mismatch', `Oefening "${answer.exerciseId}" is van het type "${exercise.type}", niet "${answer.value.type}".`);
	}
	const known = catalogue().sections;
	const unknown = sections.find((path) => !known.has(path));
	if (unknown) throw unprocessable('unknown_section', `Sectie "${unknown}" bestaat niet in deze e-tool.`);
	if (await withStorage((db) => store.recordProgress(db, found, answers, sections))) teamHub().changed(found.sessionId);
	return jsonResponse(200, { ok: true });
};

const share: TeamHandler = async (req) => {
	const found = await writer(req, true);
	const { exerciseId, text } = await body(req, checkShareBody);
	if (!teamCourse().reflections.has(exerciseId)) throw unprocessable('not_reflection', `Oefening "${exerciseId}" is geen reflectie: alleen reflecties kun je delen.`);
	const shared = await withStorage((db) => store.shareReflection(db, found, exerciseId, text));
	teamHub().changed(found.sessionId);
	return jsonResponse(200, shared);
};

const withdraw: TeamHandler = async (req) => {
	const found = await writer(req, true);
	const { exerciseId } = await body(req, checkWithdrawBody);
	if (await withStorage((db) => store.withdrawReflection(db, found, exerciseId))) teamHub().changed(found.sessionId);
	return jsonResponse(204, null);
};

const leave: TeamHandler = async (req) => {
	const found = await writer(req, false);
	await withStorage((db) => store.leaveSession(db, found));
	teamHub().changed(found.sessionId);
	return jsonResponse(204, null);
};

/** Path → method → handler, merged into ROUTES (routes.ts). */
export const TEAM_ROUTES: Readonly<Record<string, Readonly<Record<string, TeamHandler>>>> = {
	'/api/team/sessions': { POST: createSession },
	'/api/team/session': { GET: getSession, DELETE: endSession },
	'/api/team/session/events': { GET: sessionEvents },
	'/api/team/session/join': { GET: getJoinInfo },
	'/api/team/session/reflections': { POST: decide },
	'/api/team/join': { POST: join },
	'/api/team/me': { GET: me, DELETE: leave },
	'/api/team/me/progress': { POST: progress },
	'/api/team/me/reflections': { PUT: share, DELETE: withdraw }
};

/** The path for the request log: a team route's own path, anything else under /api/team/ as one name (no code or key in a log). */
export const teamLogPath = (path: string): string => (path in TEAM_ROUTES ? path : '/api/team/*');
