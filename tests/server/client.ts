import { randomUUID } from 'node:crypto';
import { exercisesIn } from '$lib/content/blocks';
import { readCompiledCourse } from '../../scripts/course.mjs';
import type { AnswerRecord, AnswerValue } from '$lib/exercises/core/types';

export interface Reply {
	status: number;
	headers: Headers;
	/** Parsed JSON, or the text when the body is not JSON, or null when empty. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the fields they assert
	body: any;
	/** The Set-Cookie header for the learner cookie, as sent. */
	learnerCookie: string | undefined;
}

/** A random address in 198.51.0.0/16: each device acts from its own, so limits per address do not mix. */
export const randomAddress = () => `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

/**
 * One browser: keeps the learner cookie like a browser would, and sends X-Forwarded-For with its
 * own address (the shared test servers trust it).
 */
export class Device {
	cookie: string | null = null;
	constructor(
		readonly base: string,
		readonly address = randomAddress()
	) {}

	async request(method: string, path: string, options: { json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
		const headers: Record<string, string> = { 'x-forwarded-for': this.address, ...options.headers };
		if (this.cookie) headers.cookie = `etool_learner=${this.cookie}`;
		let body = options.body;
		if (options.json !== undefined) {
			body = JSON.stringify(options.json);
			headers['content-type'] ??= 'application/json';
		}
		const response = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
		const text = await response.text();
		const learnerCookie = response.headers.getSetCookie().find((c) => c.startsWith('etool_learner='));
		if (learnerCookie) {
			const value = learnerCookie.split(';')[0]!.slice('etool_learner='.length);
			this.cookie = /max-age=0/i.test(learnerCookie) || !value ? null : value;
		}
		let parsed: unknown = text || null;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: response.status, headers: response.headers, body: parsed, learnerCookie };
	}

	sync(changes: unknown[], headers?: Record<string, string>) {
		return this.request('POST', '/api/sync', { json: { changes }, headers });
	}
}

/** Exercises and sections of the real e-tool as the build compiled it, so the tests follow the content. */
const { course } = readCompiledCourse();
const sections = course.chapters.flatMap((c) => c.sections);
const exercises = sections.flatMap((s) => exercisesIn(s.blocks));
const find = <T extends string>(type: T) => {
	const found = exercises.find((e) => e.type === type);
	if (!found) throw new Error(`de e-tool heeft geen oefening van het type ${type}`);
	return found as Extract<(typeof exercises)[number], { type: T }>;
};
export const reflection = find('reflection');
export const singleChoice = find('single-choice');
export const multipleResponse = find('multiple-response');
export const matching = find('matching');
export const sorting = find('sorting');
export const sectionPath = sections[0]!.path;

export const changeId = () => `c-${randomUUID()}`;

export function answer(exerciseId: string, value: AnswerValue, savedAt: string, id = changeId()) {
	const record: AnswerRecord = { value, attempts: 1, savedAt };
	return { id, kind: 'answer' as const, exerciseId, record };
}

export const reflectionAnswer = (text: string, savedAt: string, id?: string) => answer(reflection.id, { type: 'reflection', text }, savedAt, id);

export const visit = (path: string, visitedAt: string, endReachedAt?: string) => ({
	id: changeId(),
	kind: 'visit' as const,
	path,
	visitedAt,
	...(endReachedAt ? { endReachedAt } : {})
});
