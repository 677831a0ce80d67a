// Every link and request inside the e-tool goes through here, so it works from any folder: a
// sub-path of a web server, an LMS package (`/lms/courses/42/sco/`), an iframe. Never a URL that
// starts at the server's root.
//
// `base` comes from SvelteKit: while a page is prerendered it is the way back to the site's root
// from that page ('.', '..', '../..'). In the browser islands build (vite.islands.config.ts) the
// same import is the site's root as an absolute URL, worked out from where the script was loaded
// (islands/paths.browser.ts), so a link made in the browser points to the same place.
import { base } from '$app/paths';

/**
 * A link to a route of the site (`'/'`, `'/inhoud'`, `'/api/sync'`, with `#…` if needed).
 * In an export (`<html data-channel>`, set by the export: every export is served as plain files)
 * the page file itself is named, since an LMS serves no `inhoud` for `inhoud.html`.
 */
export function href(route: string): string {
	const [path = '/', hash] = route.split(/(?=#)/);
	const files = typeof document !== 'undefined' && document.documentElement.hasAttribute('data-channel') && !path.startsWith('/api/');
	const file = files ? (path === '/' ? '/index.html' : `${path}.html`) : path;
	return `${base}${file}${hash ?? ''}`;
}

/**
 * Content HTML (from Markdown: an author's in-site link, a term linked to the Begrippen page) holds
 * links from the site's root; made relative to the page where it is shown.
 */
export const relativeLinks = (html: string): string => html.replace(/(\shref=")\/(?!\/)/g, `$1${base}/`);
