// A large database: 2,000 structures made by `jalons-cli generer` in the database the app
// was started on. The list counts them all, draws only a window of rows, and the keyboard
// reaches the last one and opens it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@wdio/globals';
import { click, fill, heading, PHRASE } from '../helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(root, 'target', 'debug', 'jalons-cli');
const COUNT = 2000;

const focused = () =>
	browser.execute(() => {
		const row = document.activeElement;
		return { tag: row.tagName, index: row.getAttribute('aria-rowindex'), name: row.querySelector('a')?.textContent ?? '' };
	});

describe('Une longue liste de structures', () => {
	before(async () => {
		// The app waits for a passphrase on its empty database: the generated one replaces it.
		await heading('Protégez vos données');
		execFileSync(cli, ['generer', '--db', process.env.JALONS_TEST_DB, '--structures', String(COUNT), '--user', 'Camille Martin'], {
			env: { ...process.env, JALONS_PHRASE_SECRETE: PHRASE },
			stdio: 'pipe'
		});
		await browser.reloadSession();
		await heading('Déverrouiller Jalons');
		await fill('Phrase secrète', PHRASE);
		await click('Ouvrir');
		await heading('Mes accompagnements');
	});

	it('counts every structure and draws only a window of rows', async () => {
		await click('Structures');
		await heading('Structures');
		await expect($('.page-head .muted')).toHaveText(/^2\s000 structures$/);
		await expect($('[role="grid"]')).toHaveAttribute('aria-rowcount', String(COUNT + 1));
		const drawn = await browser.execute(() => document.querySelectorAll('tbody tr:not(.spacer)').length);
		expect(drawn).toBeLessThan(100);
	});

	it('goes to the last structure by keyboard and opens it with Entrée', async () => {
		// A click on a row's commune gives it the keyboard.
		await $('tbody tr[data-index="0"] td:nth-child(3)').click();
		expect((await focused()).index).toBe('2');
		// One key at a time: an array of keys is pressed together, as a chord.
		await browser.keys('ArrowDown');
		await browser.keys('ArrowDown');
		expect((await focused()).index).toBe('4');
		await browser.keys('End');
		let last;
		await browser.waitUntil(
			async () => {
				last = await focused();
				return last.name !== '' && last.index === String(COUNT + 1);
			},
			{ timeoutMsg: "la dernière structure n'a pas reçu le clavier" }
		);
		expect(last.tag).toBe('TR');
		await expect($(`tbody tr[data-index="${COUNT - 1}"]`)).toBeDisplayedInViewport();
		await browser.keys('Enter');
		await heading(last.name);
	});
});
