import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardState } from '$lib/team/contract';
import { TeamHub } from './hub';

// The hub without a database: a fake board and fake responses that record what they were sent.
class FakeResponse extends EventEmitter {
	sent: string[] = [];
	writableEnded = false;
	destroyed = false;
	writableLength = 0;
	write(text: string) {
		this.sent.push(text);
		return true;
	}
	end() {
		this.writableEnded = true;
		this.emit('close');
	}
}
const res = () => new FakeResponse() as unknown as ServerResponse & FakeResponse;
const state = (participants: number) => ({ participants }) as BoardState;
const states = (r: FakeResponse) => r.sent.filter((t) => t.startsWith('event: state')).map((t) => JSON.parse(t.split('data: ')[1]!).participants as number);

afterEach(() => vi.useRealTimers());

describe('team hub', () => {
	it('sends the state at once, then pushes changes at most every 250 ms, computed once for all streams', async () => {
		vi.useFakeTimers();
		let participants = 1;
		const compute = vi.fn(async () => state(participants));
		const hub = new TeamHub({ compute });
		const [a, b] = [res(), res()];
		hub.subscribe('s', a);
		hub.subscribe('s', b);
		await vi.advanceTimersByTimeAsync(0);
		expect(states(a)).toEqual([1]);
		expect(states(b)).toEqual([1]);
		// Twenty changes within one second: at most four pushes.
		const before = compute.mock.calls.length;
		for (let i = 0; i < 20; i++) {
			participants++;
			hub.changed('s');
			await vi.advanceTimersByTimeAsync(50);
		}
		await vi.advanceTimersByTimeAsync(300);
		expect(compute.mock.calls.length - before).toBeLessThanOrEqual(5);
		expect(states(a).at(-1)).toBe(21);
		expect(states(b)).toEqual(states(a));
		await hub.close();
	});

	it('sends an unchanged state to nobody, and a new stream gets the state without resending it to the others', async () => {
		vi.useFakeTimers();
		const hub = new TeamHub({ compute: async () => state(3) });
		const a = res();
		hub.subscribe('s', a);
		await vi.advanceTimersByTimeAsync(0);
		hub.changed('s');
		await vi.advanceTimersByTimeAsync(300);
		const b = res();
		hub.subscribe('s', b);
		await vi.advanceTimersByTimeAsync(300);
		expect(states(a)).toEqual([3]);
		expect(states(b)).toEqual([3]);
		await hub.close();
	});

	it('ends the streams of an ended session, and pings every 15 s', async () => {
		vi.useFakeTimers();
		let live = true;
		const hub = new TeamHub({ compute: async () => (live ? state(1) : null) });
		const a = res();
		hub.subscribe('s', a);
		await vi.advanceTimersByTimeAsync(15_000);
		expect(a.sent).toContain(': ping\n\n');
		live = false;
		hub.changed('s');
		await vi.advanceTimersByTimeAsync(300);
		expect(a.sent.at(-1)).toBe('event: ended\ndata: {}\n\n');
		expect(a.writableEnded).toBe(true);
		expect(hub.size).toBe(0);
	});

	it('keeps the streams when the database fails for a moment, and sends once it answers again', async () => {
		vi.useFakeTimers();
		let fail = true;
		const hub = new TeamHub({ compute: async () => (fail ? Promise.reject(new Error('down')) : state(2)) });
		const a = res();
		hub.subscribe('s', a);
		await vi.advanceTimersByTimeAsync(0);
		expect(a.sent).toEqual([]);
		fail = false;
		hub.received('s'); // a notice from another instance
		await vi.advanceTimersByTimeAsync(300);
		expect(states(a)).toEqual([2]);
		await hub.close();
	});

	it('heartbeat-recomputes-every-board: the heartbeat computes a board again only when its session changed, and ends it once the session is gone', async () => {
		vi.useFakeTimers();
		let version: string | null = 'v1';
		const compute = vi.fn(async () => (version ? state(1) : null));
		const hub = new TeamHub({ compute, version: async () => version });
		const a = res();
		hub.subscribe('s', a);
		await vi.advanceTimersByTimeAsync(0);
		expect(compute).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(60_000); // four beats, nothing changed
		expect(compute).toHaveBeenCalledTimes(1);
		expect(a.sent.filter((t) => t === ': ping\n\n')).toHaveLength(4);
		version = 'v2'; // a change whose notice was lost
		await vi.advanceTimersByTimeAsync(15_300);
		expect(compute).toHaveBeenCalledTimes(2);
		version = null; // ended elsewhere (or purged)
		await vi.advanceTimersByTimeAsync(15_300);
		expect(a.sent.at(-1)).toBe('event: ended\ndata: {}\n\n');
		expect(hub.size).toBe(0);
	});

	it('after a failed computation the heartbeat tries again even though the version did not change', async () => {
		vi.useFakeTimers();
		let fail = true;
		const hub = new TeamHub({ compute: async () => (fail ? Promise.reject(new Error('down')) : state(2)), version: async () => 'v1' });
		const a = res();
		hub.subscribe('s', a);
		await vi.advanceTimersByTimeAsync(0);
		expect(a.sent).toEqual([]);
		fail = false;
		await vi.advanceTimersByTimeAsync(15_300);
		expect(states(a)).toEqual([2]);
		await hub.close();
	});

	it('tells the other instances of every change', async () => {
		const publish = vi.fn(async () => undefined);
		const hub = new TeamHub({ compute: async () => state(1), publish });
		hub.changed('s');
		expect(publish).toHaveBeenCalledWith('s');
		await hub.close();
	});
});
