import { compile, type CompiledCourse } from './compiled';
import { loadCourse } from './loader.server';

/** Build time only (scripts/course.mjs): read and check content/<lang>/ and compile it. */
export const compileCourse = (root: string): CompiledCourse => compile(loadCourse(root));
