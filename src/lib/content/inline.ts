import type { PhrasingContent, RootContent } from 'mdast';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** Only web, mail and in-site links: no `javascript:` or data URLs from content. */
export function safeUrl(url: string): string | null {
	return /^(https?:\/\/|mailto:|\/|#)/i.test(url) ? url : null;
}

/**
 * Inline Markdown to HTML with a closed set of elements. Anything else is reported through
 * `unsupported`, so an author learns what is allowed instead of seeing it vanish.
 */
export function inlineHtml(nodes: (PhrasingContent | RootContent)[], unsupported: (node: RootContent) => void): string {
	return nodes
		.map((node): string => {
			switch (node.type) {
				case 'text':
					return escapeHtml(node.value);
				case 'emphasis':
					return `<em>${inlineHtml(node.children, unsupported)}</em>`;
				case 'strong':
					return `<strong>${inlineHtml(node.children, unsupported)}</strong>`;
				case 'inlineCode':
					return `<code>${escapeHtml(node.value)}</code>`;
				case 'break':
					return '<br>';
				case 'link': {
					const href = safeUrl(node.url);
					if (!href) {
						unsupported(node);
						return inlineHtml(node.children, unsupported);
					}
					const external = /^https?:/i.test(href);
					return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener"' : ''}>${inlineHtml(node.children, unsupported)}</a>`;
				}
				case 'textDirective':
					// "tekst:woord" is prose, not a directive: keep what the author typed.
					return escapeHtml(`:${node.name}`) + inlineHtml(node.children, unsupported);
				default:
					unsupported(node);
					return '';
			}
		})
		.join('');
}

/** Plain text of inline nodes, for reading time and headings. */
export function plainText(nodes: RootContent[]): string {
	return nodes
		.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? plainText(n.children as RootContent[]) : ''))
		.join('');
}

/** Turn a heading into an anchor id: lowercase, ascii, hyphens. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
