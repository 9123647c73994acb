// The rights of a person through the real app: a structure's contact exported to a file,
// then erased from the structure page after confirmation, and found nowhere afterwards (the
// page, the journal, the global search); a name typed without a record found and erased
// from Paramètres.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@wdio/globals';
import { click, field, fill, firstStart, heading, tick } from '../helpers.mjs';

const contacts = () => $('section[aria-labelledby="contacts-title"]');

async function searchFinds(typed) {
	await browser.keys(['Control', 'k']);
	const input = await $('#global-search');
	await input.waitForDisplayed();
	await input.setValue(typed);
	// Results (or their absence) show a moment after typing.
	await browser.pause(600);
	const found = (await $$('[role="option"]')).length;
	await browser.keys(['Escape']);
	return found;
}

describe('Droits des personnes', () => {
	it("exports a contact's data to a file", async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		expect(await searchFinds('Benali')).toBeGreaterThan(0);
		await click('Structures');
		await click('Compagnie du Sillon');
		await heading('Compagnie du Sillon');
		const nadia = await (await contacts()).$('//div[contains(@class, "contact")][.//strong[normalize-space(.)="Nadia Benali"]]');
		await nadia.$('button=Exporter ses données').click();
		await expect(nadia.$('[role="status"]')).toHaveText(expect.stringContaining('Données enregistrées dans'));
		const text = readFileSync(path.join(process.env.JALONS_SAVE_DIR, 'Données de Nadia Benali.txt'), 'utf8');
		expect(text).toContain('Données personnelles de Nadia Benali détenues par');
		expect(text).toContain('Contact de la structure Compagnie du Sillon');
		expect(text).toContain('Base légale\u00a0:');
		expect(text).toContain('entretien du diagnostic du 28/10/2025');
		expect(text).not.toContain('n.benali@cress-aura.org');
	});

	it('erases the contact from the structure page, after confirmation', async () => {
		const nadia = await (await contacts()).$('//div[contains(@class, "contact")][.//strong[normalize-space(.)="Nadia Benali"]]');
		await nadia.$('button=Effacer…').click();
		const dialog = await $('[role="dialog"]');
		await expect(dialog).toHaveText(expect.stringContaining('Effacer Nadia Benali'));
		await expect(dialog).toHaveText(expect.stringContaining('entrées du journal'));
		await expect(dialog).toHaveText(expect.stringContaining('Contact du partenaire CRESS Auvergne-Rhône-Alpes'));
		await expect(dialog.$('button=Effacer définitivement')).toBeDisabled();
		await tick("J'ai compris que l'effacement est définitif");
		await dialog.$('button=Effacer définitivement').click();

		await expect($('.alert-success')).toHaveText(expect.stringContaining('Effacement de Nadia Benali terminé'));
		await expect(await contacts()).not.toHaveText(expect.stringContaining('Nadia Benali'));
		await expect($('[aria-label="Journal"]')).not.toHaveText(expect.stringContaining('Nadia Benali'));
		await expect($('[aria-label="Journal"]')).toHaveText(expect.stringContaining('[personne effacée]'));
		// The CRESS's Nadia Benali, another person with a record of her own, is still found.
		await click('Partenaires');
		await expect($('main')).toHaveText(expect.stringContaining('CRESS Auvergne-Rhône-Alpes'));
	});

	it('erases a name typed without a record from Paramètres, and leaves the record of that name', async () => {
		await click('Paramètres');
		const since = await $('#basis-present-since');
		await expect(since).toHaveText('par défaut');
		await (await field('Personnes présentes au journal')).selectByVisibleText('Consentement recueilli');
		await expect(since).toHaveText(`depuis le ${new Date().toLocaleDateString('fr-FR')}`);
		await fill('Nom de la personne', 'jean MOREL');
		await click('Chercher');
		const found = await $('//p[@role="status"][contains(., "MOREL")]');
		await expect(found).toHaveText(expect.stringContaining('entrée du journal'));
		await expect($('main')).toHaveText(expect.stringContaining('Des fiches portent ce nom (Consultant du registre'));
		await click('Effacer…');
		await tick("J'ai compris que l'effacement est définitif");
		await $('[role="dialog"]').$('button=Effacer définitivement').click();
		await expect($('.alert-success')).toHaveText(expect.stringContaining('Effacement de jean MOREL terminé'));

		await click('Structures');
		await click('Compagnie du Sillon');
		await heading('Compagnie du Sillon');
		await expect($('[aria-label="Journal"]')).toHaveText(expect.stringContaining('Réunion de lancement'));
		await expect($('[aria-label="Journal"]')).not.toHaveText(expect.stringContaining('Jean Morel'));
		await click('Consultants');
		await expect($('main')).toHaveText(expect.stringContaining('Jean Morel'));
	});
});
