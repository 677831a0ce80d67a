// The team-session contract (issue 11; docs/api.md "Teamsessie"; decision 0011): what the team
// endpoints take and give, their limits, and the checks of every body the browser sends. Defined once
// here, read by the server (src/lib/server/team/) and by the team pages, which can check a text before
// sending it. Rank 0 of the module map: it imports only the progress contract's leaf checks.
// Hand-written checks rather than zod, for the same reason as the progress contract (browser weight).
import { isAnswerValue, isId, isObj, isPath, isVerdict, type AnswerValue, type Verdict } from '../progress/contract/answers';
import { CODE_ALPHABET } from '../progress/contract/resume-code';

/** The limits of a team session. */
export const TEAM_LIMITS = {
	/** Answers before the board shows a tally: smaller groups see "nog te weinig antwoorden". */
	minAnswers: 3,
	/** A session's title, in characters after trimming. */
	title: 80,
	/** A shared reflection, in characters after trimming (a board is no place for more). */
	text: 2_000,
	/** The longest word (run without a space) of a title or shared text: longer ones would break a board's lines. */
	word: 100,
	/** Symbols of a join code. */
	codeLength: 6,
	/** A join code as typed, spaces and dashes included: longer is no code. */
	typedCode: 32,
	/** Answers in one `POST /api/team/me/progress`. */
	answers: 50,
	/** Sections in one `POST /api/team/me/progress`. */
	sections: 100,
	/** Default of `TEAM_SESSION_MAX`: participants in one session. */
	participants: 200,
	/** Default of `TEAM_SESSION_DAYS`: a session ends this many days after its last activity. */
	days: 30
} as const;

export const TEAM_MIN_ANSWERS = TEAM_LIMITS.minAnswers;

/** Where the participant's key is kept in the browser's localStorage. */
export const TEAM_STORAGE_KEY = 'etool.team';
/** What is kept there. */
export interface TeamMembership {
	key: string;
	title: string;
	code: string;
}

// ---- the board ----

export type ReflectionStatus = 'pending' | 'approved' | 'hidden';
export const REFLECTION_STATUSES: readonly ReflectionStatus[] = ['pending', 'approved', 'hidden'];

/** How often each first verdict was given. */
export type VerdictCounts = Record<Verdict, number>;

/** Counts of one scored exercise: never an answer of one participant. */
export interface BoardTally {
	firstVerdicts: VerdictCounts;
	/** Per key of the type's `tally` (an option id; `term=description`; `card=pile`), how many chose it. */
	choices: Record<string, number>;
}

export interface BoardExercise {
	id: string;
	/** Participants who answered it (their first attempt). */
	answered: number;
	/** Null while `answered` < {@link TEAM_MIN_ANSWERS}. */
	tally: BoardTally | null;
}

/** A shared reflection, without anything that points to who wrote it. */
export interface BoardReflection {
	/** The shared copy's random id (for approve/hide). */
	id: string;
	exerciseId: string;
	text: string;
	status: ReflectionStatus;
	sharedAt: string;
}

/** What the facilitator's views (panel, board, summary) get: `GET /api/team/session` and its event stream. */
export interface BoardState {
	title: string;
	/** Formatted `ABC-DEF`. */
	joinCode: string;
	expiresAt: string;
	participants: number;
	/** Every section of the course, in course order: how many participants opened it. */
	sections: { path: string; reached: number }[];
	/** Every scored exercise, in course order. */
	exercises: BoardExercise[];
	/** Shared reflections, oldest first; the facilitator sees pending and hidden ones too. */
	reflections: BoardReflection[];
}

// ---- bodies and answers of the endpoints ----

/** `POST /api/team/sessions` → 201. */
export interface CreateSessionBody {
	title: string;
}
export interface CreatedSession {
	/** Shown once; only its hash is stored. */
	facilitatorKey: string;
	joinCode: string;
	joinUrl: string;
	qrSvg: string;
	title: string;
	expiresAt: string;
}

/** `GET /api/team/session/join` → 200: how participants join, for the panel and the board (the QR code for the projector). */
export type JoinInfo = Pick<CreatedSession, 'joinCode' | 'joinUrl' | 'qrSvg'>;

/** `POST /api/team/join` → 200. */
export interface JoinBody {
	code: string;
}
export interface Joined {
	participantKey: string;
	title: string;
	code: string;
}

/** `GET /api/team/me` → 200: what the participant has shared and its status. */
export interface MyTeamState {
	title: string;
	code: string;
	shared: { exerciseId: string; text: string; status: ReflectionStatus }[];
}

/** One scored answer, as `POST /api/team/me/progress` takes it: the first attempt. */
export interface TeamAnswer {
	exerciseId: string;
	value: AnswerValue;
	firstVerdict: Verdict;
}
export interface ProgressBody {
	answers: TeamAnswer[];
	/** Section paths (`chapter/section`) the participant opened. */
	sections: string[];
}

/** `PUT /api/team/me/reflections` → 200 `{ id, status: 'pending' }`. */
export interface ShareBody {
	exerciseId: string;
	text: string;
}
/** `DELETE /api/team/me/reflections` → 204. */
export interface WithdrawBody {
	exerciseId: string;
}
/** `POST /api/team/session/reflections` → 200 board state. */
export interface DecisionBody {
	id: string;
	decision: 'approve' | 'hide';
}

/** The error codes of the team endpoints (besides the shared ones of docs/api.md). */
export type TeamErrorCode =
	| 'unknown_session'
	| 'unknown_code'
	| 'session_full'
	| 'unknown_reflection'
	| 'unknown_exercise'
	| 'type_mismatch'
	| 'unknown_section'
	| 'not_reflection'
	| 'invalid_body';

// ---- join codes ----

/** A typed join code without case, spaces and dashes, or null when it cannot be one. */
export function normaliseJoinCode(input: unknown): string | null {
	if (typeof input !== 'string' || input.length > TEAM_LIMITS.typedCode) return null;
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	return code.length === TEAM_LIMITS.codeLength && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** `ABCDEF` → `ABC-DEF`, as shown and spoken. */
export const formatJoinCode = (code: string): string => `${code.slice(0, 3)}-${code.slice(3)}`;

// ---- text (titles and shared reflections) ----

/** Why a text cannot be used; the pages say it in their own Dutch words (nl.json), the server in its error message. */
export type TextProblem = 'empty' | 'long' | 'word' | 'control';

/**
 * Direction overrides, embeddings and isolates (U+202A–E, U+2066–9) could turn the board's text
 * around or hide part of it; other control characters have no place in a text either (line breaks
 * and tabs excepted in a reflection).
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROL_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const CONTROL_TITLE = /[\u0000-\u001F\u007F-\u009F]/;

/** A text as it will be stored and shown: trimmed, line breaks as `\n`. The preview shows exactly this. */
export const teamText = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

function problemOf(text: string, max: number, control: RegExp): TextProblem | null {
	if (!text) return 'empty';
	if (text.length > max) return 'long';
	if (BIDI.test(text) || control.test(text)) return 'control';
	return text.split(/\s+/).some((word) => word.length > TEAM_LIMITS.word) ? 'word' : null;
}

/** What is wrong with a reflection to share (after {@link teamText}), or null. */
export const reflectionProblem = (text: string): TextProblem | null => problemOf(teamText(text), TEAM_LIMITS.text, CONTROL_TEXT);

/** What is wrong with a session title (after trimming), or null. One line: no line breaks. */
export const titleProblem = (title: string): TextProblem | null => problemOf(title.trim(), TEAM_LIMITS.title, CONTROL_TITLE);

// ---- the checks of the bodies (server and browser) ----

/** A checked body, or the field that is wrong and why. */
export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; problem: TextProblem | 'invalid' };

const bad = (field: string, problem: TextProblem | 'invalid' = 'invalid'): { ok: false; field: string; problem: TextProblem | 'invalid' } => ({
	ok: false,
	field,
	problem
});

export function checkCreateBody(body: unknown): Checked<CreateSessionBody> {
	if (!isObj(body) || typeof body.title !== 'string') return bad('title');
	const problem = titleProblem(body.title);
	return problem ? bad('title', problem) : { ok: true, value: { title: body.title.trim() } };
}

/** The code comes back normalised (`ABCDEF`); a code that cannot be one is a wrong code, not a bad body. */
export function checkJoinBody(body: unknown): Checked<JoinBody> {
	if (!isObj(body) || typeof body.code !== 'string' || body.code.length > TEAM_LIMITS.typedCode) return bad('code');
	return { ok: true, value: { code: normaliseJoinCode(body.code) ?? '' } };
}

export const isTeamAnswer = (x: unknown): x is TeamAnswer =>
	isObj(x) && isId(x.exerciseId) && isAnswerValue(x.value) && x.value.type !== 'reflection' && isVerdict(x.firstVerdict);

export function checkProgressBody(body: unknown): Checked<ProgressBody> {
	if (!isObj(body)) return bad('body');
	const answers = body.answers ?? [];
	const sections = body.sections ?? [];
	if (!Array.isArray(answers) || answers.length > TEAM_LIMITS.answers || !answers.every(isTeamAnswer)) return bad('answers');
	if (!Array.isArray(sections) || sections.length > TEAM_LIMITS.sections || !sections.every(isPath)) return bad('sections');
	return {
		ok: true,
		value: { answers: answers.map(({ exerciseId, value, firstVerdict }) => ({ exerciseId, value, firstVerdict })), sections: [...new Set(sections)] }
	};
}

export function checkShareBody(body: unknown): Checked<ShareBody> {
	if (!isObj(body) || !isId(body.exerciseId)) return bad('exerciseId');
	if (typeof body.text !== 'string') return bad('text');
	const problem = reflectionProblem(body.text);
	return problem ? bad('text', problem) : { ok: true, value: { exerciseId: body.exerciseId, text: teamText(body.text) } };
}

export function checkWithdrawBody(body: unknown): Checked<WithdrawBody> {
	return isObj(body) && isId(body.exerciseId) ? { ok: true, value: { exerciseId: body.exerciseId } } : bad('exerciseId');
}

/** A reflection id is 22 base64url characters (128 bits). */
export const isShareId = (x: unknown): x is string => typeof x === 'string' && /^[A-Za-z0-9_-]{22}$/.test(x);

export function checkDecisionBody(body: unknown): Checked<DecisionBody> {
	if (!isObj(body) || !isShareId(body.id)) return bad('id');
	if (body.decision !== 'approve' && body.decision !== 'hide') return bad('decision');
	return { ok: true, value: { id: body.id, decision: body.decision } };
}

/** A key as it travels in `authorization: Bearer <key>`: 128-bit random in base64url (22 characters). */
export const isTeamKey = (x: unknown): x is string => typeof x === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(x);
