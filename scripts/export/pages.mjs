// What an export changes in the prerendered pages, as pure functions on HTML text. The pages are
// ours (SvelteKit's output), so a few exact patterns suffice; export.spec.ts checks them.
import { posix } from 'node:path';

/** Pages that need our server (Verder op een ander apparaat, the team session's): left out of every export. */
export const SERVER_ONLY_PAGES = ['verder.html', 'team.html', 'team/doe-mee.html', 'team/beheer.html', 'team/bord.html', 'team/samenvatting.html'];

/** The static export's script for a page opened as a file (`fileNoticeScript`), at the package root. */
export const FILE_NOTICE = 'file-notice.js';

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
 * `inhoud.html`), `<html data-channel>` names the channel for the enhancer (and tells `href()` to
 * name files too), server-only parts go, and per channel the file:// check or the footer text.
 * Returns the new HTML and the links that lead nowhere.
 */
export function exportPage(text, { page, pages, channel, strings }) {
	const broken = [];
	let out = text.replace(/<li data-server-only(?:="[^"]*")?>[\s\S]*?<\/li>/g, '');
	// The save status says whether our server has the copy: there is none in an export.
	out = out.replace(/\s*<p class="sync-status"[^>]*\sdata-sync-status[^>]*><\/p>/, '');
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
	out = out.replace(/<html([^>]*)>/, `<html$1 data-channel="${attr(channel)}">`);
	if (channel === 'static') {
		// Module scripts do not run from file://: a classic inline script, as small as it can be, since
		// every page carries it; the notice itself loads only there (fileNoticeScript).
		const script = posix.relative(posix.dirname(page), FILE_NOTICE);
		out = out.replace(/<body([^>]*)>/, `<body$1><script>location.protocol=='file:'&&document.write('<script src="${script}"><\\/script>')</script>`);
	} else out = out.replace(/(<p data-privacy-note>)[\s\S]*?(<\/p>)/, `$1${html(strings['export.lmsPrivacy'])}$2`);
	return { html: out, broken };
}

/**
 * The static export's page opened as a file (file://): module scripts do not run there, so neither
 * does the e-tool's code. The notice says a web server is needed, and the page is shown as it is
 * without JavaScript (no-js.css: no control that cannot work). Loaded from every page's inline
 * check, and only from file://, so a page on a web server never downloads it. `css` is the built
 * stylesheet of the notices (islands/notices.css), relative to the package root.
 */
export function fileNoticeScript({ strings, css }) {
	const notice = `<div class="storage-notice" role="alert" id="etool-file-notice"><p>${html(strings['export.fileNotice'])}</p></div>`;
	const links = ['no-js.css', css].map((file) => `<link rel="stylesheet" href="' + root + '${attr(file)}">`).join('');
	return `// Written by the export (scripts/export/pages.mjs): a page of this package opened as a file.
(function () {
	var script = document.currentScript;
	var root = script.src.replace(/[^/]*$/, '');
	document.head.insertAdjacentHTML('beforeend', '${links}');
	script.insertAdjacentHTML('afterend', ${JSON.stringify(notice)});
})();
`;
}

/** The launch page of a SCORM package: one LMS session, the e-tool in a frame (progress/scorm/launch.ts). */
export function launchPage({ channel, title, lang, script, mastery, strings }) {
	const notice = (kind) =>
		`<div class="lms-notice" role="alert" data-lms-notice="${kind}" hidden><p>${html(strings[`lms.${kind}`])}</p><button type="button">${html(strings['lms.close'])}</button></div>`;
	return `<!doctype html>
<html lang="${attr(lang)}" data-channel="${attr(channel)}">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />${mastery === undefined ? '' : `\n\t\t<meta name="etool-mastery" content="${attr(mastery)}" />`}
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
