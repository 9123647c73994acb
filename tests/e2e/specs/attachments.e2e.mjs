// Attachments: a PDF attached to a case through the « attach » dialog (answered by the
// test environment), still listed after a restart, opened with the default application
// (a stand-in that records what it opened), then removed.
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from '@wdio/globals';
import { click, firstStart, heading } from '../helpers.mjs';

const card = () => $('//section[.//h2[normalize-space(.)="Pièces jointes"]]');

async function openCase() {
	await click('Accompagnements');
	await click('2025-003');
	await heading('Accompagnement 2025-003');
}

describe('Les pièces jointes', () => {
	it('attaches a PDF to a case, marked confidential', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await openCase();
		await (await card()).$('//label[contains(., "Confidentiel")]/input').click();
		await click('Joindre des fichiers…');
		await expect(await card()).toHaveText(expect.stringContaining('compte-rendu-diagnostic.pdf'));
		await expect($('//li[contains(., "compte-rendu-diagnostic.pdf")]')).toHaveText(expect.stringContaining('Confidentiel'));
	});

	it('still lists it after a restart, and opens it', async () => {
		await browser.reloadSession();
		await heading('Mes accompagnements');
		await openCase();
		await expect(await card()).toHaveText(expect.stringContaining('compte-rendu-diagnostic.pdf'));
		await click('compte-rendu-diagnostic.pdf');
		let opened = '';
		await browser.waitUntil(() => {
			try {
				opened = readFileSync(process.env.JALONS_OPENED_LOG, 'utf8').trim();
			} catch {
				opened = '';
			}
			return opened !== '';
		});
		// A readable copy, in the session's private folder; the stored one stays sealed.
		expect(opened).toContain('jalons-ouverts');
		expect(opened.endsWith('/compte-rendu-diagnostic.pdf')).toBe(true);
		expect(readFileSync(opened).subarray(0, 8).toString()).toBe('%PDF-1.4');
		const folder = `${process.env.JALONS_TEST_DB.replace(/\.sqlite$/, '')}-fichiers`;
		const stored = readdirSync(folder).flatMap((shard) => readdirSync(`${folder}/${shard}`).map((f) => `${folder}/${shard}/${f}`));
		// This PDF and the demo's: both sealed.
		expect(stored.length).toBe(2);
		for (const file of stored) expect(readFileSync(file).includes(Buffer.from('%PDF'))).toBe(false);
	});

	it('removes it after confirmation', async () => {
		const row = () => $('//li[contains(., "compte-rendu-diagnostic.pdf")]');
		await (await row()).$('button*=Retirer…').click();
		await (await row()).$('button=Retirer').click();
		await browser.waitUntil(async () => !(await (await card()).getText()).includes('compte-rendu-diagnostic.pdf'));
		await expect(await card()).toHaveText(expect.stringContaining('synthese-diagnostic-sillon.pdf'));
	});
});
