// tauri-driver listens on 4444 and starts WebKitWebDriver on 4445: the suite and the
// bench wait for both to be free before a driver starts, and for the new one to listen.
import net from 'node:net';

export const PORTS = [4444, 4445];

const accepts = (port) =>
	new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1', () => {
			socket.end();
			resolve(true);
		});
		socket.on('error', () => resolve(false));
	});

/** Waits, ~10 s at most, until the port is (or is no longer) accepting connections. */
export async function waitPort(port, open) {
	for (let i = 0; i < 100; i++) {
		if ((await accepts(port)) === open) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`port ${port} : toujours ${open ? 'fermé' : 'occupé'}`);
}
