// Thirty hostile texts for a team board (issue 11): markup and script in every form a board could
// fall for, URLs that run code, direction overrides and endless words. Each one that runs sets
// `window.__pwned` or opens a dialog; the test's trap catches both. The contract refuses the
// direction overrides, control characters and words longer than a board line before they are stored.
const pwn = 'window.__pwned=1';

export const HOSTILE_TEXTS: string[] = [
	`<script>${pwn}</script>`,
	`<img src=x onerror="${pwn}">`,
	`<svg onload=${pwn}>`,
	`<iframe src="javascript:${pwn}"></iframe>`,
	`<a href="javascript:${pwn}">klik hier</a>`,
	'javascript:alert(1)',
	`"><script>${pwn}</script>`,
	`'><img src=x onerror=alert(1)>`,
	`</textarea><script>${pwn}</script>`,
	`</script><script>${pwn}</script>`,
	`<body onload=${pwn}>`,
	`<details open ontoggle=${pwn}>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=${pwn}>`,
	`<style>body{display:none}</style>`,
	'<div style="position:fixed;inset:0;background:red;width:9999px">groot</div>',
	`<object data="javascript:${pwn}">`,
	`<embed src="data:text/html,<script>${pwn}</script>">`,
	'{{constructor.constructor("alert(1)")()}}',
	'${alert(1)}',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	`<meta http-equiv="refresh" content="0;url=javascript:${pwn}">`,
	`<base href="javascript:${pwn}//">`,
	'Regel één\nRegel twee\n\n<b>vet?</b>',
	'Een erg lange maar toegestane reeks: ' + 'a'.repeat(100) + ' en verder',
	'x '.repeat(999).trim(),
	// Refused by the contract: direction overrides, an isolate, a control character, endless words, too long.
	'tekst \u202Eesrever\u202C na',
	'\u2066verborgen\u2069 tekst',
	'bel\u0007',
	'w'.repeat(5000),
	'lang '.repeat(500)
];
