// Retention through the real app: the durations set in Paramètres (a wrong one refused on
// its field), what they make due listed with boxes to untick, and a purge that waits for
// its confirmation.
import { expect } from '@wdio/globals';
import { click, fill, firstStart } from '../helpers.mjs';

describe('Durées de conservation', () => {
	it('refuses a duration that is not a number of years, then lists what is due', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
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
		const rows = await $$('main table tbody tr');
		expect(rows.length).toBeGreaterThan(1);
		const kept = await rows[1].$('td:nth-child(2)').getText();
		await rows[1].$('input[type="checkbox"]').click();
		await click('Purger la sélection…');
		await expect($('[role="alertdialog"]')).toHaveText(expect.stringContaining(`Purger ${rows.length - 1}`));
		await click('Purger définitivement');
		await expect($('.alert-success')).toHaveText(expect.stringContaining('Purge faite'));
		const left = await $$('main table tbody tr');
		expect(left.length).toBe(1);
		await expect(left[0]).toHaveText(expect.stringContaining(kept));
	});
});
