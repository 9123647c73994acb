// End-to-end tests: the real Jalons binary, driven through tauri-driver and WebKitWebDriver.
// Each run gets its own temporary database and data folders, so no test touches real data.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const application = path.join(root, 'target', 'debug', 'jalons');
const home = mkdtempSync(path.join(os.tmpdir(), 'jalons-e2e-'));

// Read by the app that tauri-driver starts: its database and its window-state file.
process.env.JALONS_DB = path.join(home, 'jalons.sqlite');
process.env.XDG_CONFIG_HOME = path.join(home, 'config');
process.env.XDG_DATA_HOME = path.join(home, 'data');
process.env.WEBKIT_DISABLE_COMPOSITING_MODE = '1';
process.env.NO_AT_BRIDGE = '1';

let driver;

export const config = {
	host: '127.0.0.1',
	port: 4444,
	specs: ['./specs/**/*.e2e.mjs'],
	maxInstances: 1,
	capabilities: [{ maxInstances: 1, 'tauri:options': { application } }],
	reporters: ['spec'],
	framework: 'mocha',
	mochaOpts: { ui: 'bdd', timeout: 120000 },
	logLevel: 'warn',
	waitforTimeout: 10000,
	connectionRetryCount: 3,

	beforeSession: () => {
		const bin = process.env.TAURI_DRIVER ?? path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver');
		driver = spawn(bin, ['--port', '4444'], { stdio: [null, process.stdout, process.stderr] });
		return new Promise((resolve) => setTimeout(resolve, 500));
	},
	afterSession: () => {
		driver?.kill();
	}
};
