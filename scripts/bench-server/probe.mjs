// Loaded into each benchmarked server (`node --import ./probe.mjs …`), never in production: while
// the bench loads this server it measures the event loop's delay (monitorEventLoopDelay), the
// garbage collector's pauses and the process's CPU, so the bench can say where a slow p99 comes
// from. Controlled over the IPC channel: 'on' before its slice, 'off' after, 'reset' after the warm-up,
// 'report' at the end.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

// A fresh monitor per slice: one that is disabled and enabled again counts the pause between as a delay.
let delay;
/** Per slice: the p99 and the longest delay. */
let slices = [];
let on = false;
let cpuSince;
let cpuMicros = 0;
let wallMs = 0;
let wallSince = 0;
const gc = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
	if (!on) return;
	for (const entry of list.getEntries()) {
		gc.count++;
		gc.totalMs += entry.duration;
		gc.maxMs = Math.max(gc.maxMs, entry.duration);
	}
}).observe({ entryTypes: ['gc'] });

process.on('message', (message) => {
	if (message === 'on' && !on) {
		on = true;
		delay = monitorEventLoopDelay({ resolution: 1 });
		delay.enable();
		cpuSince = process.cpuUsage();
		wallSince = performance.now();
	} else if (message === 'off' && on) {
		on = false;
		delay.disable();
		slices.push({ p99: delay.percentile(99), max: delay.max });
		const used = process.cpuUsage(cpuSince);
		cpuMicros += used.user + used.system;
		wallMs += performance.now() - wallSince;
	} else if (message === 'reset') {
		slices = [];
		Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0 });
		cpuMicros = 0;
		wallMs = 0;
	} else if (message === 'report') {
		const ms = (ns) => ns / 1e6;
		const p99s = slices.map((s) => s.p99).sort((a, b) => a - b);
		process.send?.({
			probe: {
				delayP99: ms(p99s[Math.floor(p99s.length / 2)] ?? 0),
				delayMax: ms(Math.max(0, ...slices.map((s) => s.max))),
				gcCount: gc.count,
				/** GC pause per second loaded. */
				gcMsPerSecond: wallMs ? (1000 * gc.totalMs) / wallMs : 0,
				gcMaxMs: gc.maxMs,
				cpu: wallMs ? cpuMicros / 1000 / wallMs : 0
			}
		});
	}
});
// The channel must not keep a server alive that is asked to stop.
process.channel?.unref();
