// Where Debian's Chromium is, installing it when we may. Used by the tests and the benchmark.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumFlags = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/** Path to Chromium: CHROMIUM_PATH, else /usr/bin/chromium (installed with apt as root on Debian). */
export function ensureChromium() {
	const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (existsSync(wanted)) return wanted;
	if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH wijst naar ${wanted}, maar daar staat geen Chromium.`);
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (root && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
		console.log('Chromium ontbreekt; installeren met apt-get (Debian-pakket chromium)…');
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
		if (existsSync(wanted)) return wanted;
	}
	throw new Error(
		'De browsertests hebben Chromium nodig. Installeer het Debian-pakket: sudo apt-get install chromium\n' +
			'of zet CHROMIUM_PATH op het pad van een Chromium of Chrome die je al hebt.'
	);
}
