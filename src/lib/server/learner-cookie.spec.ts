import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signLearner, verifyLearner } from './learner-cookie';

// The signed learner cookie (`<id>.<signature>`) is the only tie between a browser and its records:
// only a value this server signed with this key may give an id, on the first check and on every
// later (remembered) one.
const id = () => randomBytes(16).toString('base64url');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('verifyLearner', () => {
	it('gives the id of a value it signed, on the first and on later checks, and with the key it was signed with only', () => {
		const key = randomBytes(32);
		const learner = id();
		const value = signLearner(key, learner);
		expect(value).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
		expect(verifyLearner(key, value)).toBe(learner);
		expect(verifyLearner(key, value)).toBe(learner);
		expect(verifyLearner(randomBytes(32), value)).toBeNull();
		expect(verifyLearner(key, value)).toBe(learner);
		// Signing with another key forgets the remembered signatures: the check computes them again.
		signLearner(randomBytes(32), id());
		expect(verifyLearner(key, value)).toBe(learner);
	});

	it('refuses every value with one character of the signature or the id changed, remembered or not', () => {
		const key = randomBytes(32);
		const learner = id();
		const value = signLearner(key, learner);
		for (const remembered of [true, false]) {
			if (!remembered) signLearner(randomBytes(32), id()); // another key: the remembered signatures are forgotten
			for (let at = 0; at < value.length; at++) {
				if (at === 22) continue;
				for (const c of [ALPHABET[(ALPHABET.indexOf(value[at]!) + 1) % 64]!, ALPHABET[(ALPHABET.indexOf(value[at]!) + 63) % 64]!]) {
					const forged = value.slice(0, at) + c + value.slice(at + 1);
					expect(verifyLearner(key, forged), forged).toBeNull();
				}
			}
		}
	});

	it('refuses values of another form: no cookie, unsigned, too short or long, other characters', () => {
		const key = randomBytes(32);
		const value = signLearner(key, id());
		for (const bad of [undefined, '', id(), `${id()}.`, value.slice(0, -1), `${value}A`, `${value.slice(0, 22)}:${value.slice(23)}`, `${value.slice(0, -1)}=`, `${value.slice(0, -1)}é`, ` ${value}`, `${value}\n`])
			expect(verifyLearner(key, bad), String(bad)).toBeNull();
	});
});
