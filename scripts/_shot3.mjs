import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const server = spawn(process.execPath, ['build/index.js'], { env: { ...process.env, PORT: '3980' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 800, height: 900 } });
await p.goto('http://localhost:3980/', { waitUntil: 'networkidle' });
const at = new Date().toISOString();
await p.evaluate((at) => localStorage.setItem('etool:digitale-kloof:voortgang', JSON.stringify({ version: 1, courseId: 'digitale-kloof', updatedAt: at, lastPath: 'even-een-opfrisser/test-je-kennis', sections: { 'inleiding/kansen-en-bedreigingen': { visitedAt: at, endReachedAt: at } }, answers: {
  'aantal-laaggeletterd': { value: { type: 'single-choice', choice: 'driehonderdduizend' }, attempts: 2, verdict: 'correct', savedAt: at },
  'vliegwiel': { value: { type: 'multiple-response', choices: ['meedoen'] }, attempts: 1, verdict: 'partial', savedAt: at },
  'stappen-digitale-kloof': { value: { type: 'reflection', text: 'Ik ga eerst vragen of mensen wifi hebben.\nDaarna verwijs ik naar de bibliotheek.' }, attempts: 1, savedAt: at } } })), at);
await p.goto('http://localhost:3980/mijn-antwoorden', { waitUntil: 'networkidle' });
await p.screenshot({ path: '/tmp/answers.png', fullPage: false });
await p.emulateMedia({ media: 'print' });
await p.screenshot({ path: '/tmp/answers-print.png', fullPage: false });
await p.emulateMedia({ media: 'screen' });
await p.goto('http://localhost:3980/even-een-opfrisser/test-je-kennis', { waitUntil: 'networkidle' });
await p.waitForTimeout(300);
await p.locator('[data-exercise-id=vliegwiel]').screenshot({ path: '/tmp/mr.png' });
await b.close(); server.kill();
