// What an export changes in the prerendered pages, as pure functions on HTML text. The pages are
// ours (SvelteKit's output), so a few exact patterns suffice; export.spec.ts checks them.
import { posix } from 'node:path';

/** Pages that need our server (Verder op een ander apparaat, the team session's): left out of every export. */
export const SERVER_ONLY_PAGES = ['verder.html', 'team.html', 'team/doe-mee.html', 'team/beheer.html', 'team/bord.html', 'team/samenvatting.html'];

const attr = (text) => String(text).replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]);
const html = (text) => String(text).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** The page file a relative link from `page` names, or null when it is no page of the package. */
export function pageFile(page, href, pages) {
	if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href)) return null;
	const [path] = href.split(/[?#]/);
	const target = posix.normalize(posix.join(posix.dirname(page), path)).replace(/\/$/, '');
	for (const candidate of target === '.' || target === '' ? ['index.html'] : [`${target}.html`, `${target}/index.html`]) if (pages.has(candidate)) return candidate;
	return null;
}

/**
 * One page for an export: links name page files (an LMS or plain host serves no `inhoud` for
 * `inhoud.html`), the channel is named for the enhancer, server-only parts go, and per channel a
 * notice or footer text. Returns the new HTML and the links that lead nowhere.
 */
export function exportPage(text, { page, pages, channel, strings }) {
	const broken = [];
	let out = text.replace(/<li data-server-only(?:="[^"]*")?>[\s\S]*?<\/li>/g, '');
	out = out.replace(/(\shref=")([^"]*)(")/g, (all, open, href, close) => {
		if (/^([a-z][a-z0-9+.-]*:|#)/i.test(href) || href.startsWith('/')) return all;
		const file = pageFile(page, href.replace(/&amp;/g, '&'), pages);
		const [path] = href.split(/[?#]/);
		if (!file) {
			// A link to a file that is there (a stylesheet, the icon) stays; a page that is not there is broken.
			if (!/\.[a-z0-9]+$/i.test(path)) broken.push(href);
			return all;
		}
		const hash = href.slice(path.length);
		const relative = posix.relative(posix.dirname(page), file);
		return `${open}${attr(relative)}${hash}${close}`;
	});
	out = out.replace(/<html([^>]*)>/, '<html$1 data-file-links>');
	out = out.replace(/<head>/, `<head>\n\t\t<meta name="etool-channel" content="${attr(channel)}" />`);
	if (channel === 'static') {
		// Module scripts do not run from file://, so this is a classic inline script and plain HTML.
		out = out.replace(
			/<body([^>]*)>/,
			`<body$1>\n<div class="storage-notice" role="alert" id="etool-file-notice" hidden><p>${html(strings['export.fileNotice'])}</p></div><script>if (location.protocol === 'file:') document.getElementById('etool-file-notice').hidden = false;</script>`
		);
	} else out = out.replace(/(<p data-privacy-note>)[\s\S]*?(<\/p>)/, `$1${html(strings['export.lmsPrivacy'])}$2`);
	return { html: out, broken };
}

/** The launch page of a SCORM package: one LMS session, the e-tool in a frame (progress/scorm/launch.ts). */
export function launchPage({ channel, title, script, mastery, strings }) {
	const notice = (kind) =>
		`<div class="lms-notice" role="alert" data-lms-notice="${kind}" hidden><p>${html(strings[`lms.${kind}`])}</p><button type="button">${html(strings['lms.close'])}</button></div>`;
	return `<!doctype html>
<html lang="nl">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<meta name="etool-channel" content="${attr(channel)}" />${mastery === undefined ? '' : `\n\t\t<meta name="etool-mastery" content="${attr(mastery)}" />`}
		<title>${html(title)}</title>
		<style>
			html, body { margin: 0; height: 100%; }
			body { display: flex; flex-direction: column; font: 1.125rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
			.lms-notice { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; padding: 0.75rem 1rem; background: #fff4ce; border-bottom: 3px solid #8a5a00; }
			.lms-notice[hidden] { display: none; }
			.lms-notice p { margin: 0; flex: 1 1 20rem; }
			.lms-notice button { min-height: 44px; min-width: 44px; padding: 0.5rem 1rem; font: inherit; border: 2px solid #1a1a1a; border-radius: 4px; background: #fff; color: #1a1a1a; cursor: pointer; }
			.lms-notice button:focus-visible { outline: 3px solid #154273; outline-offset: 2px; }
			iframe { flex: 1; width: 100%; border: 0; }
		</style>
		<script type="module" src="${attr(script)}"></script>
	</head>
	<body>
		${notice('full')}
		${notice('failed')}
		<iframe data-etool-frame title="${attr(title)}"></iframe>
	</body>
</html>
`;
}
