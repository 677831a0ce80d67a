import type { ReflectionStatus } from '$lib/team/contract';
import type { Verdict } from '$lib/progress/contract';

/** The team tables (migration 003, decision 0011), as Kysely sees them; part of `Database` (db/schema.ts). */
export interface TeamTables {
	/** A session: no account; the facilitator's key is kept only as its hash. */
	team_sessions: {
		/** 128-bit random, base64url; never leaves the server except as the NOTIFY payload. */
		id: string;
		title: string;
		/** 6 symbols of the code alphabet, stored without the dash. */
		join_code: string;
		facilitator_hash: string;
		created_at: string;
		/** The session ends TEAM_SESSION_DAYS after this. */
		last_activity_at: string;
	};
	/** An anonymous participant: no name, no link to a learner of progress sync. */
	team_participants: {
		id: string;
		session_id: string;
		key_hash: string;
		joined_at: string;
		last_seen_at: string;
	};
	/** A participant's first answer to a scored exercise (the first submission wins). */
	team_answers: {
		session_id: string;
		participant_id: string;
		exercise_id: string;
		/** The AnswerValue as JSON. */
		value: string;
		first_verdict: Verdict;
		answered_at: string;
	};
	/** A section a participant opened. */
	team_sections: {
		session_id: string;
		participant_id: string;
		path: string;
	};
	/** A reflection the participant chose to share; shown on the board only once approved. */
	team_reflections: {
		id: string;
		session_id: string;
		participant_id: string;
		exercise_id: string;
		text: string;
		status: ReflectionStatus;
		shared_at: string;
	};
}
