// `import strings from '$lib/i18n/nl.json?keys=a,b'` gives a module with only those strings of
// nl.json. For code that loads lazily in the browser (the storage-problem notice): its sentences
// then travel with it, instead of in every page's HTML. A plain import of nl.json would bundle all
// of it; Vite cannot tree-shake keys with dots in them. Used by both Vite configs.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function someStrings(): Plugin {
	return {
		name: 'etool:some-strings',
		enforce: 'pre',
		load(id) {
			const [file = '', query = ''] = id.split('?');
			// In development Vite adds its own parameters (`&import`): read ours by name.
			const wanted = new URLSearchParams(query).get('keys');
			if (!file.endsWith('/i18n/nl.json') || !wanted) return null;
			const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
			const keys = wanted.split(',');
			const missing = keys.filter((key) => !(key in all));
			if (missing.length) this.error(`Deze teksten staan niet in nl.json: ${missing.join(', ')}`);
			return `export default ${JSON.stringify(Object.fromEntries(keys.map((key) => [key, all[key]])))};`;
		}
	};
}
