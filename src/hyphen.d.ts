// The hyphen package ships no types; only what readability.ts uses.
declare module 'hyphen/nl' {
	const hyphenNl: {
		hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
	};
	export default hyphenNl;
}
