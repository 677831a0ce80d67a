#!/usr/bin/env node
// `npm run export -- static|scorm12|scorm2004 [--mastery 0-100]`: the e-tool as a zip under dist/,
// for a plain web server (static) or an LMS (SCORM 1.2, SCORM 2004 4th edition). Builds first when
// there is no build. Only prerendered pages and built files go in: no server, no API, no "Verder op
// een ander apparaat". A SCORM package gets a launch page (one LMS session per visit) and an
// imsmanifest.xml that is checked against the ADL schemas and for hrefs before the zip is written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { manifest } from './manifest.mjs';
import { exportPage, FILE_NOTICE, fileNoticeScript, launchPage, SERVER_ONLY_PAGES } from './pages.mjs';
import { hrefErrors, schemaErrors } from './validate.mjs';

const root = new URL('../..', import.meta.url).pathname;
const formats = ['static', 'scorm12', 'scorm2004'];

function fail(message) {
	console.error(`\nexport: ${message}`);
	process.exit(1);
}

const args = process.argv.slice(2);
const format = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!formats.includes(format)) fail(`kies een formaat: npm run export -- ${formats.join('|')} [--mastery 0-100]`);
const masteryArg = args.includes('--mastery') ? args[args.indexOf('--mastery') + 1] : undefined;
const mastery = masteryArg === undefined ? undefined : Number(masteryArg);
if (mastery !== undefined && !(Number.isInteger(mastery) && mastery >= 0 && mastery <= 100)) fail('--mastery is een heel getal van 0 tot 100 (de score in procenten waarmee iemand slaagt)');
if (mastery !== undefined && format === 'static') fail('--mastery hoort bij een SCORM-pakket, niet bij static');

/** A bar in a terminal, plain lines otherwise (CI logs, pipes). */
function progress(total, label) {
	const tty = process.stdout.isTTY;
	let lastStep = -1;
	return (done) => {
		const share = total ? done / total : 1;
		if (tty) {
			const width = 30;
			const filled = Math.round(share * width);
			process.stdout.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`);
			if (done === total) process.stdout.write('\n');
		} else {
			const step = Math.floor(share * 4);
			if (step !== lastStep) console.log(`${label}: ${Math.round(share * 100)}% (${done}/${total})`);
			lastStep = step;
		}
	};
}

const build = join(root, 'build');
// The launch page's script is built on its own (vite.scorm.config.ts), with its own manifest.
const launchManifest = join(root, 'static', '_islands', '.vite', 'scorm-manifest.json');
if (!existsSync(join(build, 'prerendered', 'index.html')) || !existsSync(join(build, 'prerendered', 'tracking.json')) || !existsSync(launchManifest)) {
	console.log('Geen build gevonden: npm run build …');
	const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) fail('de build is mislukt');
}

const list = (dir) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => f.split('\\').join('/'))
		.filter((f) => statSync(join(dir, f)).isFile() && !/\.(br|gz|map)$/.test(f) && !f.split('/').some((part) => part.startsWith('.')));

// Pages and their data files, minus what needs our server; built assets, minus compressed copies.
const prerendered = list(join(build, 'prerendered')).filter((f) => !f.endsWith('__data.json') && !SERVER_ONLY_PAGES.includes(f));
const client = list(join(build, 'client'));
const pages = new Set(prerendered.filter((f) => f.endsWith('.html')));
const tracking = JSON.parse(readFileSync(join(build, 'prerendered', 'tracking.json'), 'utf8'));
// The strings file of the course's language (course.yaml `lang`), as the pages use.
const strings = JSON.parse(readFileSync(join(root, 'src', 'lib', 'i18n', `${tracking.lang}.json`), 'utf8'));

/** @type {Record<string, Uint8Array>} */
const files = {};
const broken = [];
const step = progress(prerendered.length + client.length, 'Bestanden');
let done = 0;
for (const file of prerendered) {
	let contents = readFileSync(join(build, 'prerendered', file));
	if (file.endsWith('.html')) {
		const page = exportPage(contents.toString('utf8'), { page: file, pages, channel: format, strings });
		broken.push(...page.broken.map((href) => `${file}: ${href}`));
		contents = Buffer.from(page.html);
	}
	files[file] = contents;
	step(++done);
}
for (const file of client) {
	files[file] = readFileSync(join(build, 'client', file));
	step(++done);
}
if (broken.length) fail(`links naar pagina's die niet in het pakket zitten:\n  ${broken.join('\n  ')}`);

if (format === 'static') {
	// The notice's styles are the storage notice's, built with its code (islands/notices.ts).
	const islands = JSON.parse(readFileSync(join(root, 'static', '_islands', '.vite', 'manifest.json'), 'utf8'));
	const css = islands['src/lib/islands/notices.ts']?.css?.[0];
	if (!css || !files[`_islands/${css}`]) fail('de stijl van de meldingen (islands/notices.css) hoort niet bij deze build: bouw opnieuw met npm run build');
	files[FILE_NOTICE] = Buffer.from(fileNoticeScript({ strings, css: `_islands/${css}` }));
} else {
	const launch = JSON.parse(readFileSync(launchManifest, 'utf8'))['src/lib/progress/scorm/launch.ts'];
	if (!launch || !files[`_islands/${launch.file}`]) fail('het script van de startpagina (progress/scorm/launch.ts) hoort niet bij deze build: bouw opnieuw met npm run build');
	files['scorm.html'] = Buffer.from(launchPage({ channel: format, title: tracking.title, lang: tracking.lang, script: `_islands/${launch.file}`, mastery, strings }));
	const names = Object.keys(files).sort();
	const xml = manifest({ format, identifier: tracking.course, title: tracking.title, launch: 'scorm.html', files: names, masteryScore: mastery });
	const errors = [...(await schemaErrors(xml, format)), ...hrefErrors(xml, new Set(names))];
	if (errors.length) fail(`imsmanifest.xml is niet geldig:\n  ${errors.join('\n  ')}`);
	files['imsmanifest.xml'] = Buffer.from(xml);
}

// The unpacked package too (to serve and test it), and the zip to upload.
const dist = join(root, 'dist');
const folder = join(dist, format);
rmSync(folder, { recursive: true, force: true });
for (const [file, contents] of Object.entries(files)) {
	mkdirSync(dirname(join(folder, file)), { recursive: true });
	writeFileSync(join(folder, file), contents);
}
const zipName = `${tracking.course}-${format}.zip`;
const zip = zipSync(Object.fromEntries(Object.entries(files).map(([f, c]) => [f, new Uint8Array(c)])), { level: 9 });
writeFileSync(join(dist, zipName), zip);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const raw = Object.values(files).reduce((sum, c) => sum + c.length, 0);
console.log(`\n${format}: dist/${zipName} — ${Object.keys(files).length} bestanden, ${kb(raw)} uitgepakt, ${kb(zip.length)} als zip`);
