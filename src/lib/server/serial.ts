// One at a time per key, within this process. The join and resume limits read their counter, try the
// code and count only a wrong one; done concurrently, every request of a burst read the same count first:
// on PostgreSQL 300 wrong codes sent at once from one address were all tried against a limit of 20.
// Run one after another per address group, each sees the count of the one before. (Behind N
// instances a burst spread over all of them can still try up to N times the limit.)

const tails = new Map<string, Promise<void>>();

/** Run `work` after every earlier `work` of the same key has finished; the key's queue is forgotten when empty. */
export function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
	const before = tails.get(key) ?? Promise.resolve();
	const run = before.then(work);
	const tail = run.then(
		() => undefined,
		() => undefined
	);
	tails.set(key, tail);
	void tail.then(() => {
		if (tails.get(key) === tail) tails.delete(key);
	});
	return run;
}

/** Keys with work queued or running (for the tests). */
export const queuedKeys = (): number => tails.size;
