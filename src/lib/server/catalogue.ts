import compiled from 'virtual:etool/course';
import type { CompiledCourse } from '$lib/content/compiled';
import type { ExerciseType } from '$lib/exercises/schemas';
import type { SyncBody } from './api-schema';

/** What the server needs to know of the e-tool to accept a change: its exercises and sections. */
export interface Catalogue {
	/** Exercise id → its type. */
	exercises: ReadonlyMap<string, ExerciseType>;
	/** Every section path (`chapter/section`). */
	sections: ReadonlySet<string>;
}

/** The compiled course's index as maps, for lookups per change. */
export function catalogueOf(index: CompiledCourse['catalogue']): Catalogue {
	return { exercises: new Map(Object.entries(index.exercises)), sections: new Set(index.sections) };
}

let cached: Catalogue | undefined;

/** The catalogue of the e-tool this server serves, from the course compiled at build time (no content/ read). */
export const catalogue = (): Catalogue => (cached ??= catalogueOf(compiled.catalogue));

export interface Rejection {
	code: 'unknown_exercise' | 'type_mismatch' | 'unknown_section';
	message: string;
}

/**
 * The first change that does not fit the e-tool, as a Dutch message naming its id, or null.
 * Such a change is a mistake (or an older version of the content), not something to store.
 */
export function rejectUnknown(changes: SyncBody['changes'], known: Catalogue): Rejection | null {
	for (const change of changes) {
		if (change.kind === 'answer') {
			const type = known.exercises.get(change.exerciseId);
			if (!type)
				return { code: 'unknown_exercise', message: `Oefening "${change.exerciseId}" bestaat niet in deze e-tool (wijziging ${change.id}).` };
			if (type !== change.record.value.type)
				return {
					code: 'type_mismatch',
					message: `Oefening "${change.exerciseId}" is van het type "${type}", niet "${change.record.value.type}" (wijziging ${change.id}).`
				};
		} else if (!known.sections.has(change.path)) {
			return { code: 'unknown_section', message: `Sectie "${change.path}" bestaat niet in deze e-tool (wijziging ${change.id}).` };
		}
	}
	return null;
}
