// No SvelteKit client: pages are plain prerendered HTML, and only the islands in them run code
// in the browser (docs/decisions/0002-islands.md).
export const csr = false;
