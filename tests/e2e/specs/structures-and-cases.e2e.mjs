// A chargé de mission's first steps: name themself, record a structure (after a SIRET
// mistake), open a case, restart the app, and find both again.
import { expect } from '@wdio/globals';
import { choose, chooseCommune, click, field, fill, firstStart, heading } from '../helpers.mjs';

describe('Structures et ouverture d’un accompagnement', () => {
	it('asks the user’s name at first start', async () => {
		await firstStart('Camille Martin');
		await expect($('//h2[normalize-space(.)="Votre base est vide"]')).toBeDisplayed();
	});

	it('refuses an invalid SIRET with a French message on that field', async () => {
		await click('Structures');
		await heading('Structures');
		await click('Nouvelle structure');
		await heading('Nouvelle structure');
		await fill('Nom de la structure', 'Compagnie du Sillon');
		await fill('SIRET', '732 829 320 00075');
		await click('Enregistrer');

		const siret = await field('SIRET');
		await expect(siret).toHaveAttribute('aria-invalid', 'true');
		const message = await $('#f-siret-error');
		await expect(message).toBeDisplayed();
		await expect(message).toHaveText(expect.stringContaining('Le SIRET est invalide'));
		await expect($('#form-error')).toHaveText(expect.stringContaining("n'a pas été enregistrée"));
	});

	it('saves once corrected, with the territory filled from the commune', async () => {
		await fill('SIRET', '732 829 320 00074');
		await chooseCommune('Die');
		await expect($('.territory')).toHaveText(expect.stringContaining('Drôme (26)'));
		await fill('Budget annuel (€)', '186 500');
		await click('Enregistrer');

		await heading('Compagnie du Sillon');
		await expect($('main')).toHaveText(expect.stringContaining('732 829 320 00074'));
		await expect($('main')).toHaveText(expect.stringContaining('Auvergne-Rhône-Alpes'));
	});

	it('edits the structure and shows the change in its history', async () => {
		await click('Modifier');
		await heading('Modifier la structure');
		await fill('Budget annuel (€)', '200 000');
		await click('Enregistrer');
		await heading('Compagnie du Sillon');
		await expect($('main')).toHaveText(expect.stringContaining('Die (26)'));
		const history = await $('//section[.//h2[normalize-space(.)="Historique"]]');
		await expect(history).toHaveText(expect.stringContaining('Modification'));
		await expect(history).toHaveText(expect.stringMatching(/Budget annuel\s: 186\s500,00\s€ → 200\s000,00\s€/));
	});

	it('asks before leaving a form with unsaved input', async () => {
		await click('Modifier');
		await heading('Modifier la structure');
		await fill('Sigle', 'CDS');
		await click('Structures');
		const dialog = await $('[role="alertdialog"]');
		await expect(dialog).toHaveText(expect.stringContaining('Modifications non enregistrées'));
		await click('Rester sur la page');
		await heading('Modifier la structure');
		await expect(await field('Sigle')).toHaveValue('CDS');

		await click('Structures');
		await click('Quitter sans enregistrer');
		await heading('Structures');
		await click('Compagnie du Sillon');
		await heading('Compagnie du Sillon');
		await expect($('h1')).not.toHaveText(expect.stringContaining('CDS'));
	});

	it('opens a case at the intake stage', async () => {
		await click('Ouvrir un accompagnement');
		await heading('Ouvrir un accompagnement');
		await choose('Canal de la demande', 'Téléphone');
		await fill('Demande portée par', 'Awa Diallo, présidente');
		await choose('Comment la structure a connu le DLA', 'CRESS');
		await fill('Demande initiale', 'Consolider le poste d’administratrice après la fin de l’aide.');
		await click("Ouvrir l'accompagnement");

		await heading('Accompagnement');
		await expect($('.stage-box')).toHaveText(expect.stringContaining('Accueil'));
		await expect($('main')).toHaveText(expect.stringContaining('Compagnie du Sillon'));
		await expect($('main')).toHaveText(expect.stringContaining('suivi par Camille Martin'));
	});

	it('keeps both after a restart of the app', async () => {
		await browser.reloadSession();
		await heading('Mes accompagnements');
		const row = await $('//tr[.//a[normalize-space(.)="Compagnie du Sillon"]]');
		await row.waitForDisplayed();
		await expect(row).toHaveText(expect.stringContaining('Accueil'));
		await expect(row).toHaveText(expect.stringContaining(new Date().toLocaleDateString('fr-FR')));

		await click('Structures');
		await heading('Structures');
		await click('Compagnie du Sillon');
		await heading('Compagnie du Sillon');
		await expect($('main')).toHaveText(expect.stringContaining('Die (26)'));
	});

	it('flags an overdue DUERP on the structure, its open case and the case list', async () => {
		await click('Préparer la liste type');
		const duerp = "DUERP (document unique d'évaluation des risques)";
		await $(`[aria-label="État\u00a0: ${duerp}"]`).selectByVisibleText('À jour');
		await $(`[aria-label="Dernière fois\u00a0: ${duerp}"]`).setValue('01/10/2024');
		await click('Enregistrer les obligations');
		await expect($('//p[normalize-space(.)="Obligations enregistrées."]')).toBeDisplayed();
		await expect($('//tr[contains(., "DUERP")]')).toHaveText(expect.stringContaining('En retard'));
		await expect($(`[aria-label="Échéance\u00a0: ${duerp}"]`)).toHaveAttribute('placeholder', '01/10/2025');
		await expect($('#employer-title')).toHaveText(expect.stringContaining('1 en retard'));

		await click(`${new Date().getFullYear()}-001`);
		await heading('Accompagnement');
		await expect($('.employer-late')).toHaveText(expect.stringContaining('1 obligation en retard (DUERP'));
		await click('Accompagnements');
		await heading('Mes accompagnements');
		await expect($('//tr[.//a[normalize-space(.)="Compagnie du Sillon"]]')).toHaveText(
			expect.stringContaining('Obligation employeur en retard')
		);
	});
});
