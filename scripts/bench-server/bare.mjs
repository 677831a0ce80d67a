// The bench's baseline (scripts/bench-server.mjs): a bare node:http server that reads the same JSON
// body and answers like the API does, nothing else. Its own process, like the e-tool's, so neither
// shares an event loop with the load generator. Usage: node bare.mjs <port>
import http from 'node:http';

const server = http.createServer((req, res) => {
	let body = '';
	req.on('data', (c) => (body += c));
	req.on('end', () => {
		const { changes } = JSON.parse(body);
		res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'etool_learner=x; HttpOnly; SameSite=Lax; Path=/' });
		res.end(JSON.stringify({ applied: changes.length, accepted: changes.map((c) => c.id) }));
	});
});
server.listen(Number(process.argv[2]), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
