/**
 * A value that tells its listeners when it changes: the progress store and the sync runtime are
 * each one, read by the plain enhancer and by the Svelte adapter alike. Each instance owns its own
 * value, so two channels never share state.
 */
export function observable<T extends object>(initial: T) {
	let value = initial;
	const listeners = new Set<(value: T) => void>();
	return {
		get: (): T => value,
		/** Merge `next` into the value and tell every listener. */
		set(next: Partial<T>): void {
			value = { ...value, ...next };
			for (const listener of listeners) listener(value);
		},
		/** Called at once with the value, then on every change; returns the way to stop. */
		subscribe(listener: (value: T) => void): () => void {
			listeners.add(listener);
			listener(value);
			return () => void listeners.delete(listener);
		}
	};
}
