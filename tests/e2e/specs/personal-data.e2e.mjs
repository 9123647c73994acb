// Personal data and what is kept, through the real app, on one demo database: a
// structure's contact exported to a file, then erased from the structure page after
// confirmation and found nowhere afterwards (the page, the journal, the global search); a
// name typed without a record found and erased from Paramètres; a case and a structure
// deleted for real, the page left for the one above it; retention durations set (a wrong
// one refused on its field), what they make due listed with boxes to untick, and a purge
// that waits for its confirmation.
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

async function confirmDeletion(expected) {
	const dialog = await $('[role="dialog"]');
	await expect(dialog).toHaveText(expect.stringContaining(expected));
	await expect(dialog.$('button=Supprimer définitivement')).toBeDisabled();
	await tick("J'ai compris que la suppression est définitive");
	await dialog.$('button=Supprimer définitivement').click();
}

describe('Données personnelles et conservation', () => {
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

	it('deletes a case and comes back to its structure', async () => {
		await click('Accompagnements');
		await click('2025-003');
		await heading('Accompagnement 2025-003');
		await click('Supprimer…');
		await confirmDeletion('entrées du journal');
		await heading('Compagnie du Sillon');
		await expect($('.alert-success')).toHaveText(expect.stringContaining('Suppression de « 2025-003 (Compagnie du Sillon) » terminée'));
		await expect($('section[aria-labelledby="cases-title"]')).not.toHaveText(expect.stringContaining('2025-003'));
	});

	it('deletes the structure and comes back to the list', async () => {
		await click('Supprimer…');
		await confirmDeletion('fiche de contact');
		await heading('Structures');
		await expect($('.alert-success')).toHaveText(expect.stringContaining('Suppression de « Compagnie du Sillon » terminée'));
		await expect($('main table')).not.toHaveText(expect.stringContaining('Compagnie du Sillon'));
	});

	it('refuses a duration that is not a number of years, then lists what is due', async () => {
		await click('Paramètres');
		await expect($('main')).toHaveText(expect.stringContaining("Rien n'est à purger aujourd'hui."));
		await fill('Accompagnements terminés (années)', 'zéro');
		await click('Enregistrer les durées');
		await expect($('[id="f-retention.cases_years-error"]')).toHaveText(expect.stringContaining('de 1 à 30'));
		await fill('Accompagnements terminés (années)', '1');
		await fill("Contacts d'une structure sans accompagnement en cours (années)", '1');
		await click('Enregistrer les durées');
		await expect($('[role="status"]*=Durées enregistrées')).toBeDisplayed();
		const link = await $('a*=à purger');
		await link.waitForDisplayed();
		await link.click();
	});

	it('purges only what stays ticked, once confirmed', async () => {
		await expect($('h1')).toHaveText('Données à purger');
		await $('main table tbody tr[data-index] a').waitForDisplayed();
		const rows = await $$('main table tbody tr[data-index]');
		expect(rows.length).toBeGreaterThan(1);
		const kept = await rows[1].$('td:nth-child(2)').getText();
		await rows[1].$('input[type="checkbox"]').click();
		await click('Purger la sélection…');
		await expect($('[role="alertdialog"]')).toHaveText(expect.stringContaining(`Purger ${rows.length - 1}`));
		await click('Purger définitivement');
		await expect($('.alert-success')).toHaveText(expect.stringContaining('Purge faite'));
		await browser.waitUntil(async () => (await $$('main table tbody tr[data-index]').length) === 1, {
			timeoutMsg: 'the list read again holds only what was left'
		});
		await expect($('main table tbody tr[data-index]')).toHaveText(expect.stringContaining(kept));
	});
});
