import { assets } from '$app/paths';

/** A built file's URL in a page: under the site's assets (relative in the static build), or as is in development. */
export const assetHref = (path: string): string => (path.startsWith('/') ? path : `${assets}/${path}`);
