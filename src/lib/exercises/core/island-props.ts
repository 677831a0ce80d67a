import type { Exercise } from '../schemas';
import type { Strings } from './strings';

/** The props of one exercise island (islands/props.ts), as the server hands them to the loader. */
export interface ExerciseIslandProps<E extends Exercise = Exercise> {
	exercise: E;
	headingLevel: number;
	rereadTitle?: string;
	/** Only the strings this type's loader shows (its view module's `strings`). */
	strings: Strings;
}
