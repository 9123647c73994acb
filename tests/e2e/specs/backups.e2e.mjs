// Backups: « Sauvegarder maintenant » in Paramètres (and the audit trail checked), a change, a restore that brings the
// earlier state back (still there after a restart, with the safety backup listed), then a
// database damaged between two starts: Jalons says so and puts a backup in its place.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@wdio/globals';
import { chooseCommune, click, fill, firstStart, heading } from '../helpers.mjs';

/** Whether the app of this spec is still running (its WebDriver session ended). */
function running() {
	try {
		execFileSync('pgrep', ['-f', 'target/debug/jalons']);
		return true;
	} catch {
		return false;
	}
}

const panel = () => $('//section[.//h2[normalize-space(.)="Sauvegardes"]]');

async function newStructure(name) {
	await click('Structures');
	await click('Nouvelle structure');
	await heading('Nouvelle structure');
	await fill('Nom de la structure', name);
	await chooseCommune('Die');
	await click('Enregistrer');
	await heading(name);
}

async function structureNames() {
	await click('Structures');
	await heading('Structures');
	await $('//table//td').waitForExist();
	return browser.execute(() => [...document.querySelectorAll('main table tbody tr')].map((tr) => tr.textContent));
}

async function restoreRow(reason) {
	const row = await $(`//tr[td[normalize-space(.)="${reason}"]]`);
	await row.waitForExist();
	await browser.execute((node) => node.scrollIntoView({ block: 'center' }), row);
	await (await row.$('button*=Restaurer')).click();
}

describe('Les sauvegardes', () => {
	it('backs up now from Paramètres', async () => {
		await firstStart('Camille Martin');
		await newStructure('Les Arts Buissonniers');
		await click('Paramètres');
		await heading('Paramètres');
		await click('Sauvegarder maintenant');
		await expect($('//p[@role="status"][contains(., "Sauvegarde du")]')).toHaveText(
			expect.stringMatching(/écrite\s: 1\sstructure, aucun accompagnement\.$/)
		);
		await expect(await panel()).toHaveText(expect.stringContaining('Sauvegarde demandée'));
		await expect(await panel()).toHaveText(expect.stringContaining('jalons-sauvegardes'));
		// The audit trail of what was just written is checked whole.
		await click('Vérifier le journal');
		await expect($('//section[.//h2[normalize-space(.)="Journal des modifications"]]//p[@role="status"]')).toHaveText(
			expect.stringMatching(/^\d+\slignes?, chaîne intacte\.$/)
		);
	});

	it('restores the earlier state after saying what it replaces', async () => {
		await newStructure('Café-concert du Vivarais');
		expect((await structureNames()).join(' ')).toContain('Café-concert du Vivarais');
		await click('Paramètres');
		await heading('Paramètres');
		await restoreRow('Sauvegarde demandée');
		const dialog = await $('[role="dialog"]');
		await expect(dialog).toHaveText(
			expect.stringMatching(/Les données actuelles \(2\sstructures, aucun accompagnement\) seront remplacées par celles de la sauvegarde\s: 1\sstructure/)
		);
		await expect(dialog).toHaveText(expect.stringContaining('Avant une restauration'));
		await (await dialog.$('button=Restaurer')).click();
		await heading('Paramètres');
		await expect(await panel()).toHaveText(expect.stringContaining('Avant une restauration'));
		const names = (await structureNames()).join(' ');
		expect(names).toContain('Les Arts Buissonniers');
		expect(names).not.toContain('Café-concert du Vivarais');
	});

	it('keeps the restored state after a restart', async () => {
		await browser.reloadSession();
		await heading('Mes accompagnements');
		const names = (await structureNames()).join(' ');
		expect(names).toContain('Les Arts Buissonniers');
		expect(names).not.toContain('Café-concert du Vivarais');
	});

	it('offers a backup when the database was damaged between two starts', async () => {
		const db = process.env.JALONS_TEST_DB;
		// Jalons gone, then every page but the first overwritten and the WAL lost: as after a
		// failing disk.
		await browser.deleteSession();
		await browser.waitUntil(() => !running(), { timeout: 20000, interval: 200 });
		const fd = openSync(db, 'r+');
		const garbage = Buffer.alloc(statSync(db).size - 4096, 0x5a);
		writeSync(fd, garbage, 0, garbage.length, 4096);
		closeSync(fd);
		rmSync(`${db}-wal`, { force: true });
		rmSync(`${db}-shm`, { force: true });

		await browser.reloadSession();
		await heading('La base de données est endommagée');
		await expect($('[role="alert"]')).toHaveText(expect.stringContaining('Restaurez la dernière sauvegarde saine'));
		await restoreRow('Sauvegarde demandée');
		const dialog = await $('[role="dialog"]');
		await expect(dialog).toHaveText(expect.stringContaining('Le fichier endommagé sera gardé à côté'));
		await (await dialog.$('button=Restaurer')).click();
		await heading('Mes accompagnements');
		const names = (await structureNames()).join(' ');
		expect(names).toContain('Les Arts Buissonniers');
		const aside = readdirSync(path.dirname(db)).filter((f) => f.startsWith('jalons-endommagee-'));
		expect(aside.length).toBeGreaterThan(0);
		expect(existsSync(path.join(path.dirname(db), aside[0]))).toBe(true);
	});
});
