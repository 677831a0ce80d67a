// The bench's load generator (scripts/bench-server.mjs), in a process of its own so that it never
// shares an event loop with a server it measures. As light as it can be: raw keep-alive sockets,
// one request string per save, the response read only for its status, length and cookie.
// Asked over IPC: { port, clients, ms } → { latencies, errors, seconds, cpu }.
import net from 'node:net';

let counter = 0;
const body = () => {
	const id = `b${process.pid}${(counter++).toString(36).padStart(8, '0')}`;
	return JSON.stringify({
		changes: [{ id, kind: 'answer', exerciseId: 'stappen-digitale-kloof', record: { value: { type: 'reflection', text: `Antwoord ${id}` }, attempts: 1, savedAt: new Date().toISOString() } }]
	});
};

/** One client: its own keep-alive connection and cookie, kept across slices. */
class Client {
	constructor(port) {
		this.port = port;
		this.cookie = '';
		this.socket = null;
		this.buffer = '';
		this.onDone = null;
	}
	connect() {
		const socket = net.connect({ port: this.port, host: '127.0.0.1', noDelay: true });
		socket.setEncoding('latin1');
		socket.on('data', (chunk) => this.read(chunk));
		const lost = () => {
			if (this.socket !== socket) return;
			this.socket = null;
			this.buffer = '';
			this.finish(0);
		};
		socket.on('error', lost);
		socket.on('close', lost);
		this.socket = socket;
	}
	/** Send one save; calls `done(status)` when its answer is complete (0: connection lost). */
	send(done) {
		if (!this.socket) this.connect();
		this.onDone = done;
		const text = body();
		this.socket.write(
			`POST /api/sync HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nContent-Type: application/json\r\nContent-Length: ${text.length}\r\n${this.cookie ? `Cookie: ${this.cookie}\r\n` : ''}\r\n${text}`
		);
	}
	read(chunk) {
		this.buffer += chunk;
		const end = this.buffer.indexOf('\r\n\r\n');
		if (end === -1) return;
		const head = this.buffer.slice(0, end);
		const length = /\r\ncontent-length: *(\d+)/i.exec(head);
		let total;
		if (length) total = end + 4 + Number(length[1]);
		else {
			const last = this.buffer.indexOf('\r\n0\r\n\r\n', end);
			if (last === -1) return;
			total = last + 7;
		}
		if (this.buffer.length < total) return;
		const cookie = /\r\nset-cookie: *([^;\r\n]*)/i.exec(head);
		if (cookie) this.cookie = cookie[1];
		this.buffer = this.buffer.slice(total);
		this.finish(Number(head.slice(9, 12)));
	}
	finish(status) {
		const done = this.onDone;
		this.onDone = null;
		done?.(status);
	}
}

const clientsByPort = new Map();

function slice({ port, clients, ms }) {
	let pool = clientsByPort.get(port);
	if (!pool) clientsByPort.set(port, (pool = Array.from({ length: clients }, () => new Client(port))));
	const latencies = [];
	let errors = 0;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const until = started + ms;
	return new Promise((resolve) => {
		let running = pool.length;
		const loop = (client) => {
			const sent = performance.now();
			client.send((status) => {
				const now = performance.now();
				if (status >= 200 && status < 300) latencies.push(now - sent);
				else errors++;
				if (now < until) loop(client);
				else if (--running === 0) {
					const seconds = (performance.now() - started) / 1000;
					const cpu = process.cpuUsage(cpuBefore);
					resolve({ latencies, errors, seconds, cpu: (cpu.user + cpu.system) / 1e6 / seconds });
				}
			});
		};
		for (const client of pool) loop(client);
	});
}

process.on('message', async ({ id, job }) => {
	if (job === 'close') {
		for (const pool of clientsByPort.values()) for (const c of pool) c.socket?.destroy();
		process.send({ id, result: null }, () => process.exit(0));
		return;
	}
	process.send({ id, result: await slice(job) });
});
