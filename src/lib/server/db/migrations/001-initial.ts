import type { Kysely } from 'kysely';

// One schema for SQLite and PostgreSQL: text ids and ISO times, so no dialect-specific types.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('learners')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('touched_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('learners_touched_at').on('learners').column('touched_at').execute();

	await db.schema
		.createTable('answers')
		.addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
		.addColumn('exercise_id', 'text', (c) => c.notNull())
		.addColumn('record', 'text', (c) => c.notNull())
		.addColumn('saved_at', 'text', (c) => c.notNull())
		.addColumn('change_id', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('answers_pk', ['learner_id', 'exercise_id'])
		.execute();

	await db.schema
		.createTable('sections')
		.addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
		.addColumn('path', 'text', (c) => c.notNull())
		.addColumn('visited_at', 'text', (c) => c.notNull())
		.addColumn('end_reached_at', 'text')
		.addPrimaryKeyConstraint('sections_pk', ['learner_id', 'path'])
		.execute();

	await db.schema
		.createTable('resume_codes')
		.addColumn('code_hash', 'text', (c) => c.primaryKey())
		.addColumn('learner_id', 'text', (c) => c.notNull().unique().references('learners.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('rate_limits')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_start', 'text', (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of ['rate_limits', 'resume_codes', 'sections', 'answers', 'learners']) await db.schema.dropTable(table).execute();
}
