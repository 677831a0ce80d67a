// The SCORM packages in a real runtime: scorm-again's Scorm12API / Scorm2004API on a host page, the
// package served from a deep path in a frame, as an LMS does. The learner walks the whole e-tool;
// the runtime's CMI data must then hold completion, success, score, location, interactions and
// suspend_data, and a relaunch on another device restores everything. Our own assertions cover what
// the runtime does not enforce: 4,096 characters in 1.2, a commit after every answer, no call after
// finish.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReflectionExercise } from '$lib/exercises/reflection/schema';
import type { ScoredExercise } from '$lib/exercises/schemas';
import { course, expectAccessible, launch, learner } from './browser';
import { answerWith, button, exerciseOn, exercisesIn, expectVerdict, isScored, rightAnswer, storageKey, wrongAnswer } from './exercises';
import { exportPackage, SCO_PATH, startPackageServer, type PackageServer } from './package-server';

const content = course();
const counted = content.chapters.filter((c) => !c.appendix).flatMap((c) => c.sections);
const scored = counted.flatMap((s) => exercisesIn(s.blocks)).filter(isScored);
const allReflections = content.chapters.flatMap((c) => c.sections).flatMap((s) => exercisesIn(s.blocks).filter((e): e is ReflectionExercise => e.type === 'reflection'));

let browser: Browser;
let server: PackageServer;

beforeAll(async () => {
	exportPackage('scorm12', '--mastery', '50');
	exportPackage('scorm2004', '--mastery', '50');
	server = await startPackageServer();
	browser = await launch();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

type Call = [string, ...unknown[]];
const calls = (page: Page) => page.evaluate(() => (window as unknown as { calls: Call[] }).calls);
const cmi = (page: Page) => page.evaluate(() => (window as unknown as { cmi: () => Record<string, any> }).cmi());

/** The frame the e-tool's pages are in: inside the launch page, inside the host page. */
async function contentFrame(page: Page): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => f.parentFrame()?.url().endsWith('/scorm.html') && /\.html$/.test(f.url()))).toBe(true);
	return page.frames().find((f) => f.parentFrame()?.url().endsWith('/scorm.html'))!;
}
const ready = (frame: Frame) => frame.waitForSelector('html[data-etool="ready"]', { state: 'attached' });

async function open(version: 'scorm12' | 'scorm2004', restore?: unknown) {
	server.serve(version);
	const { context, page } = await learner(browser, { width: 1024, height: 900 });
	if (restore) await page.addInitScript((data) => ((window as unknown as { __restore: unknown }).__restore = data), restore);
	await page.goto(`${server.url}/lms/host-${version === 'scorm12' ? '12' : '2004'}.html`);
	const frame = await contentFrame(page);
	await ready(frame);
	return { context, page, frame };
}

describe.each(['scorm12', 'scorm2004'] as const)('SCORM package %s in scorm-again', (version) => {
	const [commitName, finishName, setName] = version === 'scorm12' ? ['LMSCommit', 'LMSFinish', 'LMSSetValue'] : ['Commit', 'Terminate', 'SetValue'];
	const timeName = version === 'scorm12' ? 'cmi.core.session_time' : 'cmi.session_time';
	let saved: Record<string, any>;

	it('finds the API, and the learner walks the whole e-tool by its links; a commit after every answer', async () => {
		const { context, page, frame } = await open(version);
		server.requests.length = 0;
		expect((await calls(page))[0]?.[0]).toBe(version === 'scorm12' ? 'LMSInitialize' : 'Initialize');
		expect(frame.url()).toBe(`${server.url}${SCO_PATH}index.html`);
		await frame.locator('[data-start-action]').click();
		let first = true;
		for (const [i, section] of counted.entries()) {
			await expect.poll(() => frame.url()).toBe(`${server.url}${SCO_PATH}${section.path}.html`);
			await ready(frame);
			for (const e of exercisesIn(section.blocks)) {
				const box = await exerciseOn(frame as unknown as Page, e);
				const before = (await calls(page)).filter((c) => c[0] === commitName).length;
				if (e.type === 'reflection') {
					await box.getByRole('textbox').fill(`Mijn gedachte bij ${e.id}`);
					await button(box, 'Opslaan').click();
				} else {
					// The first scored exercise wrong at first: a score below 100, a "wrong" in its interaction history.
					await answerWith(box, e as ScoredExercise, first ? wrongAnswer(e as ScoredExercise) : rightAnswer(e as ScoredExercise), 'click');
					await button(box, 'Controleer').click();
					if (first) {
						await expectVerdict(box, /^(Niet goed|Deels goed)$/);
						await button(box, 'Probeer opnieuw').click().catch(() => undefined);
						await answerWith(box, e as ScoredExercise, rightAnswer(e as ScoredExercise), 'click');
						await button(box, 'Controleer').click();
					}
					await expectVerdict(box, 'Goed');
					first = false;
				}
				await expect.poll(async () => (await calls(page)).filter((c) => c[0] === commitName).length, { message: `commit na ${e.id}` }).toBeGreaterThan(before);
			}
			// axe looks into the frames too: the LMS page, the launch page and the e-tool's page.
			if (i === 0) await expectAccessible(page, `${version}: eerste sectie in het pakket`);
			if (i < counted.length - 1) {
				const before = (await calls(page)).length;
				await frame.locator('.section-end a[rel="next"]').click();
				// Leaving a page commits, with the session time so far.
				await expect.poll(async () => (await calls(page)).slice(before).some((c) => c[0] === setName && c[1] === timeName), { message: `session time after ${section.path}` }).toBe(true);
				await expect.poll(async () => (await calls(page)).slice(before).some((c) => c[0] === commitName)).toBe(true);
			}
		}
		// A page carries no SCORM code: the launch page's script loaded once, before the walk, and no
		// page loads the sync with our server either (there is none).
		expect(server.requests.filter((p) => /\/_islands\/(scorm-|server-sync-)/.test(p))).toEqual([]);
		// Every request stayed in the package (or is the LMS's own page and runtime).
		expect(server.requests.filter((p) => !p.startsWith(SCO_PATH) && !p.startsWith('/lms/host-') && p !== '/lms/scorm-again.js')).toEqual([]);
		// The 1.2 limit the runtime does not enforce: every suspend_data we sent fits.
		for (const c of (await calls(page)).filter((c) => c[0] === setName && c[1] === 'cmi.suspend_data')) expect(String(c[2]).length).toBeLessThanOrEqual(version === 'scorm12' ? 4096 : 64000);

		// Close the package (the LMS removes its frame): one finish, and no call after it.
		await page.evaluate(() => document.querySelector('iframe')!.remove());
		await expect.poll(async () => (await calls(page)).some((c) => c[0] === finishName)).toBe(true);
		await page.waitForTimeout(300);
		const log = await calls(page);
		expect(log.filter((c) => c[0] === finishName)).toHaveLength(1);
		expect(log.at(-1)![0]).toBe(finishName);

		saved = await cmi(page);
		const right = scored.length - 1;
		const score = String(Math.round((right / scored.length) * 100));
		const last = counted.at(-1)!.path;
		if (version === 'scorm12') {
			expect(saved.core).toMatchObject({ lesson_status: 'passed', lesson_location: last, exit: 'suspend', score: { raw: score } });
		} else {
			expect(saved).toMatchObject({ completion_status: 'completed', success_status: 'passed', location: last, exit: 'suspend', score: { raw: score, scaled: String(Number(score) / 100) } });
		}
		const interactions = Object.values(saved.interactions as Record<string, Record<string, string>>).filter((x) => x && typeof x === 'object' && 'id' in x);
		expect(interactions.map((x) => x.id).sort()).toEqual(scored.map((e) => e.id).sort());
		expect(interactions.every((x) => x.result === 'correct' && (x.student_response ?? x.learner_response))).toBe(true);
		expect(String(saved.suspend_data)).toMatch(/^E1/);
		await context.close();
	});

	it('a relaunch on another device (no device copy) restores answers, reflections, visits and the place to resume', async () => {
		expect(saved, 'the walk above ran first').toBeTruthy();
		const { context, page, frame } = await open(version, saved);
		expect(frame.url()).toBe(`${server.url}${SCO_PATH}${counted.at(-1)!.path}.html`);
		const stored = JSON.parse((await frame.evaluate((key) => localStorage.getItem(key), storageKey)) ?? '{}');
		for (const e of scored) expect(stored.answers?.[e.id]?.verdict, e.id).toBe('correct');
		for (const e of allReflections.filter((r) => counted.some((s) => exercisesIn(s.blocks).includes(r)))) expect(stored.answers?.[e.id]?.value?.text, e.id).toBe(`Mijn gedachte bij ${e.id}`);
		for (const s of counted) expect(stored.sections?.[s.path], s.path).toBeTruthy();
		expect(await frame.locator('[data-progress-text]').textContent()).toMatch(new RegExp(`${counted.length} van ${counted.length}`));
		await context.close();
		void page;
	});

	it('worst case, every reflection at its full length: suspend_data within the limit, the learner told in time, the device keeps all', async () => {
		const { context, page, frame } = await open(version);
		const launcher = page.frames().find((f) => f.url().endsWith('/scorm.html'))!;
		for (const e of allReflections) {
			const section = content.chapters.flatMap((c) => c.sections).find((s) => exercisesIn(s.blocks).some((x) => x.id === e.id))!;
			await frame.goto(`${server.url}${SCO_PATH}${section.path}.html`);
			await ready(frame);
			const box = await exerciseOn(frame as unknown as Page, e);
			await box.getByRole('textbox').fill(`${e.id} `.padEnd(e.maxLength, 'abc def "ghi"\n'));
			await button(box, 'Opslaan').click();
			await expect.poll(() => frame.evaluate(([key, id]) => JSON.parse(localStorage.getItem(key!) ?? '{}').answers?.[id!]?.value?.text?.length, [storageKey, e.id])).toBe(e.maxLength);
		}
		const sent = (await calls(page)).filter((c) => c[0] === setName && c[1] === 'cmi.suspend_data').map((c) => String(c[2]));
		const limit = version === 'scorm12' ? 4096 : 64000;
		for (const data of sent) expect(data.length).toBeLessThanOrEqual(limit);
		const total = allReflections.reduce((sum, e) => sum + e.maxLength, 0);
		console.log(`${version}: ${allReflections.length} reflections of ${total} characters in all; suspend_data ${sent.at(-1)!.length} characters`);
		const notice = launcher.locator('[data-lms-notice="full"]');
		if (total + 2000 > limit) {
			// Told as soon as a text no longer fits, in plain Dutch, on top of the e-tool.
			expect(await notice.isVisible()).toBe(true);
			expect(await notice.textContent()).toMatch(/te lang om helemaal in de leeromgeving te bewaren/);
			await expectAccessible(page, `${version}: melding te lang`);
		} else expect(await notice.isVisible()).toBe(false);
		await context.close();
	});
});
