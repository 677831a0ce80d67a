import type { Kysely } from 'kysely';

// Server-wide values shared by every instance: the key that signs learner cookies (when
// LEARNER_SECRET is not set) and the heartbeat /healthz writes to prove the database takes writes.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('server_state')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('server_state').execute();
}
