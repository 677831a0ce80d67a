import { getCourse } from '$lib/content/course.server';
import { outline } from '$lib/content/outline';

// Every learner page is prerendered: the e-tool also runs as plain static files, without a server.
export const prerender = true;

export const load = () => ({ outline: outline(getCourse()) });
