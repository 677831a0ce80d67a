// The course compiled from content/<lang>/ at build time (scripts/course.mjs, docs/decisions/0008).
declare module 'virtual:etool/course' {
	const compiled: import('$lib/content/compiled').CompiledCourse;
	export default compiled;
}

// The Vite manifest of the built islands (static/_islands/.vite/manifest.json), read at build time; null before they are built.
declare module 'virtual:etool/islands-manifest' {
	const manifest: Record<string, { file: string; css?: string[] }> | null;
	export default manifest;
}
