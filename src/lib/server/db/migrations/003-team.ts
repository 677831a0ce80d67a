import type { Kysely } from 'kysely';

// Team sessions (issue 11, decision 0011): a session, its anonymous participants, their first
// answers to scored exercises, the sections they reached and the reflections they chose to share.
// Nothing here points to a learner of progress sync: no learner id, no cookie. Keys are stored only
// as SHA-256 hashes. Every row carries its session's id, so ending a session deletes by one column
// in each table (and the foreign keys cascade as a second guard).
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('team_sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('join_code', 'text', (c) => c.notNull().unique())
		.addColumn('facilitator_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_activity_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('team_sessions_activity').on('team_sessions').column('last_activity_at').execute();

	await db.schema
		.createTable('team_participants')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('session_id', 'text', (c) => c.notNull().references('team_sessions.id').onDelete('cascade'))
		.addColumn('key_hash', 'text', (c) => c.notNull().unique())
		.addColumn('joined_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('team_participants_session').on('team_participants').column('session_id').execute();

	await db.schema
		.createTable('team_answers')
		.addColumn('session_id', 'text', (c) => c.notNull().references('team_sessions.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) => c.notNull().references('team_participants.id').onDelete('cascade'))
		.addColumn('exercise_id', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('first_verdict', 'text', (c) => c.notNull())
		.addColumn('answered_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('team_answers_pk', ['participant_id', 'exercise_id'])
		.execute();
	await db.schema.createIndex('team_answers_session').on('team_answers').column('session_id').execute();

	await db.schema
		.createTable('team_sections')
		.addColumn('session_id', 'text', (c) => c.notNull().references('team_sessions.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) => c.notNull().references('team_participants.id').onDelete('cascade'))
		.addColumn('path', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('team_sections_pk', ['participant_id', 'path'])
		.execute();
	await db.schema.createIndex('team_sections_session').on('team_sections').column('session_id').execute();

	await db.schema
		.createTable('team_reflections')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('session_id', 'text', (c) => c.notNull().references('team_sessions.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) => c.notNull().references('team_participants.id').onDelete('cascade'))
		.addColumn('exercise_id', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('shared_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('team_reflections_one', ['participant_id', 'exercise_id'])
		.execute();
	await db.schema.createIndex('team_reflections_session').on('team_reflections').column('session_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of ['team_reflections', 'team_sections', 'team_answers', 'team_participants', 'team_sessions']) await db.schema.dropTable(table).execute();
}
