import type { Generated } from 'kysely';
import type { TeamTables } from '../team/tables';

/** Tables, as Kysely sees them. Times are ISO 8601 strings in UTC on both databases. */
export interface Database extends TeamTables {
	/** One anonymous learner: no name, no e-mail; the id lives in an httpOnly cookie. */
	learners: {
		id: string;
		created_at: string;
		/** Last change; records untouched for the retention period are deleted. */
		touched_at: string;
	};
	/** The newest saved answer per learner and exercise. */
	answers: {
		learner_id: string;
		exercise_id: string;
		/** The AnswerRecord as JSON (value, attempts, verdict, revealed, savedAt). */
		record: string;
		/** savedAt of the record: the newer answer wins. */
		saved_at: string;
		/** Id of the change that wrote this row: a retried change is recognised, never doubled. */
		change_id: string;
	};
	/** Sections opened and read. */
	sections: {
		learner_id: string;
		path: string;
		visited_at: string;
		end_reached_at: string | null;
	};
	/** Codes to continue on another device; stored as a hash, one per learner. */
	resume_codes: {
		code_hash: string;
		learner_id: string;
		created_at: string;
	};
	/** Fixed-window counters for rate limits, shared by every server instance. */
	rate_limits: {
		key: string;
		window_start: string;
		count: Generated<number>;
	};
	/** Server-wide values: `learner-secret` (the cookie signing key), `heartbeat` (written by /healthz). */
	server_state: {
		key: string;
		value: string;
	};
}
