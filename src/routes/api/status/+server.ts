import { jsonResponse } from '$lib/server/api';

// Answered at run time: a prerendered copy would tell a static export that a server is there.
export const prerender = false;

/** The browser asks this to know that progress can be kept on a server too. */
export const GET = () => jsonResponse(200, { sync: true, version: 1 });
