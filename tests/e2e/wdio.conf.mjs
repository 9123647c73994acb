// End-to-end tests: the real Jalons binary, driven through tauri-driver and WebKitWebDriver.
// Each spec file gets its own temporary database and data folders, so no test touches real
// data and no spec sees another's.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PORTS, waitPort } from './ports.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const application = path.join(root, 'target', 'debug', 'jalons');

/** The environment of the app that tauri-driver starts: a fresh database and data folders;
 * the list of the files the « open » dialogs answer with (JALONS_PICK_FILES, a PDF unless a
 * spec writes another path there), and a stand-in for the default application that records
 * what it was asked to open (JALONS_OPENED_LOG, read by the specs); the folder the « save »
 * dialogs answer with (JALONS_SAVE_DIR, read by the specs). */
function freshAppEnv() {
	const home = mkdtempSync(path.join(os.tmpdir(), 'jalons-e2e-'));
	process.env.JALONS_OPENED_LOG = path.join(home, 'opened.log');
	process.env.JALONS_SAVE_DIR = path.join(home, 'exports');
	process.env.JALONS_TEST_DB = path.join(home, 'jalons.sqlite');
	process.env.JALONS_PICK_FILES = path.join(home, 'pick.txt');
	mkdirSync(process.env.JALONS_SAVE_DIR);
	writeFileSync(process.env.JALONS_PICK_FILES, path.join(root, 'tests', 'e2e', 'fixtures', 'compte-rendu-diagnostic.pdf'));
	return {
		...process.env,
		JALONS_DB: process.env.JALONS_TEST_DB,
		JALONS_OPEN_WITH: path.join(root, 'tests', 'e2e', 'record-open.sh'),
		JALONS_SAVE_DIR: process.env.JALONS_SAVE_DIR,
		XDG_CONFIG_HOME: path.join(home, 'config'),
		XDG_DATA_HOME: path.join(home, 'data'),
		WEBKIT_DISABLE_COMPOSITING_MODE: '1',
		NO_AT_BRIDGE: '1'
	};
}

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

	// Each spec file gets its own driver, hence its own app environment; a reloadSession
	// (the restart test) keeps the driver and so the database. The previous driver must be
	// gone before the next one takes the port, or the next spec would talk to the old app.
	beforeSession: async () => {
		const bin = process.env.TAURI_DRIVER ?? path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver');
		for (const port of PORTS) await waitPort(port, false);
		// Its own process group, so that WebKitWebDriver and the app go with it.
		driver = spawn(bin, ['--port', '4444'], {
			stdio: [null, process.stdout, process.stderr],
			env: freshAppEnv(),
			detached: true
		});
		await waitPort(4444, true);
	},
	// A failed step leaves a picture of the virtual display, to see what the user would have seen.
	afterTest: (test, _context, { passed }) => {
		if (passed) return;
		const dir = path.join(root, 'tests', 'e2e', 'screenshots');
		mkdirSync(dir, { recursive: true });
		const name = `${test.parent} - ${test.title}`.replace(/[^\p{L}\p{N} -]+/gu, '_');
		try {
			execFileSync('import', ['-window', 'root', path.join(dir, `${name}.png`)]);
		} catch {
			// No ImageMagick: the failure message alone will have to do.
		}
	},
	afterSession: async () => {
		if (driver && driver.exitCode === null) {
			const exited = once(driver, 'exit');
			process.kill(-driver.pid, 'SIGTERM');
			await exited;
		}
		for (const port of PORTS) await waitPort(port, false);
	}
};
