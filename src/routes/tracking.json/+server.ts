import { json } from '@sveltejs/kit';
import { getCourse } from '$lib/content/course.server';
import { trackingOf } from '$lib/progress/scorm/tracking.server';

// Written at build time, so an LMS package reads it as a plain file (progress/scorm/tracking.ts).
export const prerender = true;

export const GET = () => json(trackingOf(getCourse()));
