// `$app/paths` for the islands build (vite.islands.config.ts aliases it here): that build runs
// outside SvelteKit, so the site's root is worked out from this script's own URL. Every built file
// is in `_islands/` at the root of the site, so one folder up is the root, wherever the site is
// served from (a sub-path, an LMS package).
export const base = new URL('../', import.meta.url).href.replace(/\/$/, '');
export const assets = base;
