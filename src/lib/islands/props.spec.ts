import { describe, expect, it } from 'vitest';
import { islandJson } from './props';

describe('islandJson', () => {
	it('keeps content text from closing the script element, and reads back unchanged', () => {
		const props = { text: 'Zie </script><script>alert(1)</script> & "aanhalingstekens"' };
		const html = islandJson(props);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const json = html.slice(html.indexOf('>') + 1, html.lastIndexOf('</script>'));
		expect(JSON.parse(json)).toEqual(props);
	});
});
