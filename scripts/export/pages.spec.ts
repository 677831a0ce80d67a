import { describe, expect, it } from 'vitest';
import { exportPage, fileNoticeScript, launchPage, pageFile } from './pages.mjs';

const pages = new Set(['index.html', 'inhoud.html', 'mijn-antwoorden.html', 'a/b.html', 'a/c.html']);
const strings = { 'export.fileNotice': 'Zet de map op een webserver.', 'export.lmsPrivacy': 'De leeromgeving bewaart een kopie.', 'lms.full': 'Te lang & meer', 'lms.failed': 'Mislukt', 'lms.close': 'Sluit' };
const page = `<!doctype html><html lang="nl"><head><link href="../_islands/x.css" rel="stylesheet"></head><body>
<ul><li><a href="../">Start</a></li><li data-server-only="true"><a href="../verder">Verder op een ander apparaat</a></li></ul>
<a href="../inhoud">Inhoud</a> <a href="./c#stap">C</a> <a href="https://movisie.nl/x">extern</a> <a href="#inhoud">skip</a>
<div><p class="sync-status" role="status" data-sync-status></p></div>
<p data-privacy-note>Op deze server.</p></body></html>`;

describe('an exported page', () => {
	it('links page files, relative to the page, keeping the anchor; leaves files and other links alone', () => {
		const { html, broken } = exportPage(page, { page: 'a/b.html', pages, channel: 'scorm12', strings });
		expect(broken).toEqual([]);
		expect(html).toContain('href="../index.html"');
		expect(html).toContain('href="../inhoud.html"');
		expect(html).toContain('href="c.html#stap"');
		expect(html).toContain('href="https://movisie.nl/x"');
		expect(html).toContain('href="#inhoud"');
		expect(html).toContain('href="../_islands/x.css"');
	});

	it('drops what needs our server and names its channel; SCORM says where the copy is', () => {
		const { html } = exportPage(page, { page: 'a/b.html', pages, channel: 'scorm2004', strings });
		expect(html).not.toContain('verder');
		expect(html).not.toContain('data-sync-status');
		expect(html).toContain('<div></div>');
		expect(html).toContain('<html lang="nl" data-channel="scorm2004">');
		expect(html).toContain('<p data-privacy-note>De leeromgeving bewaart een kopie.</p>');
		expect(html).not.toContain('etool-file-notice');
	});

	it('static: a classic script (module scripts do not run from file://) loads the notice from the package root, only from file://', () => {
		const { html } = exportPage(page, { page: 'a/b.html', pages, channel: 'static', strings });
		expect(html).toContain('<html lang="nl" data-channel="static">');
		expect(html).toContain(`<body><script>location.protocol=='file:'&&document.write('<script src="../file-notice.js"><\\/script>')</script>`);
		// The sentence is not in the page: it travels with the script.
		expect(html).not.toContain('webserver');
		const script = fileNoticeScript({ strings: { ...strings, 'export.fileNotice': 'Zet de map op een <webserver>.' }, css: '_islands/notices-x.css' });
		expect(script).toContain('<p>Zet de map op een &lt;webserver&gt;.</p>');
		expect(script).toContain(`href="' + root + 'no-js.css"><link rel="stylesheet" href="' + root + '_islands/notices-x.css">`);
		expect(() => new Function(script)).not.toThrow();
	});

	it('reports a link to a page the package does not have', () => {
		const { broken } = exportPage('<a href="verder">x</a><a href="favicon.svg">i</a>', { page: 'index.html', pages, channel: 'static', strings });
		expect(broken).toEqual(['verder']);
		expect(pageFile('a/b.html', '../a/c', pages)).toBe('a/c.html');
		expect(pageFile('a/b.html', '..', pages)).toBe('index.html');
	});

	it('the launch page names the channel, the mastery score and escapes text', () => {
		const html = launchPage({ channel: 'scorm12', title: 'A & B', lang: 'nl-BE', script: '_islands/launch-x.js', mastery: 80, strings });
		expect(html).toContain('<meta name="etool-mastery" content="80" />');
		expect(html).toContain('<title>A &amp; B</title>');
		expect(html).toContain('Te lang &amp; meer');
		expect(html).toContain('<iframe data-etool-frame title="A &amp; B"></iframe>');
		expect(html).toContain('<html lang="nl-BE" data-channel="scorm12">');
	});
});
