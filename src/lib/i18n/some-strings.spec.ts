import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import strings from './nl.json';
import { someStrings } from './some-strings';

const file = join(process.cwd(), 'src', 'lib', 'i18n', 'nl.json');
const load = (id: string) => {
	const hook = someStrings().load as (this: { error(message: string): never }, id: string) => string | null;
	return hook.call({ error: (message) => { throw new Error(message); } }, id);
};
/** The module's default export, as the browser would get it. */
const exported = (code: string | null) => JSON.parse(code!.replace(/^export default /, '').replace(/;$/, '')) as Record<string, string>;

describe('a few strings of nl.json as a module', () => {
	it('holds exactly the asked strings, also with the parameters Vite adds in development', () => {
		expect(exported(load(`${file}?keys=storage.quota,storage.dismiss`))).toEqual({ 'storage.quota': strings['storage.quota'], 'storage.dismiss': strings['storage.dismiss'] });
		expect(Object.keys(exported(load(`${file}?keys=storage.quota&import`)))).toEqual(['storage.quota']);
	});

	it('stops the build on a key that is not in nl.json, and leaves other imports alone', () => {
		expect(() => load(`${file}?keys=storage.bestaatniet`)).toThrow(/storage\.bestaatniet/);
		expect(load(file)).toBeNull();
		expect(load('/elders/data.json?keys=a')).toBeNull();
	});
});
