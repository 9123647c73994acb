// The employer function, training, solidarity finance, cooperation and the partner
// directory on the demonstration data: what a chargé de mission records on a structure is
// seen on its open case and in the overviews.
import { expect } from '@wdio/globals';
import { choose, click, field, fill, firstStart, heading, pick } from '../helpers.mjs';

const section = (title) => $(`//section[.//h2[starts-with(normalize-space(.), "${title}")]]`);
const thisYear = String(new Date().getFullYear());
const today = new Date().toLocaleDateString('fr-FR');

async function openStructure(name) {
	await click('Structures');
	await heading('Structures');
	await fill('Rechercher', name);
	// The list refreshes a moment after typing: click once it shows only that structure.
	await browser.waitUntil(async () => (await $$('tbody tr[data-index]')).length === 1);
	await click(name);
	await heading(name);
}

describe('Fonction employeur, formation, financement, coopération et partenaires', () => {
	it('flags an overdue DUERP on the structure, its open case and the structure list', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await openStructure('A Cumpagnia di u Rughjone');
		await click('Préparer la liste type');
		const duerp = "DUERP (document unique d'évaluation des risques)";
		await $(`[aria-label="État\u00a0: ${duerp}"]`).selectByVisibleText('À jour');
		await $(`[aria-label="Dernière fois\u00a0: ${duerp}"]`).setValue('01/10/2024');
		await click('Enregistrer les obligations');
		await expect($('//p[normalize-space(.)="Obligations enregistrées."]')).toBeDisplayed();
		await expect(section('Fonction employeur')).toHaveText(expect.stringContaining('1 en retard'));
		await expect($(`[aria-label="Échéance\u00a0: ${duerp}"]`)).toHaveAttribute('placeholder', '01/10/2025');

		await click('2025-005');
		await heading('Accompagnement 2025-005');
		await expect($('.employer-late')).toHaveText(expect.stringContaining('1 obligation en retard'));
		await expect($('.employer-late')).toHaveText(expect.stringContaining('DUERP'));

		await click('Structures');
		await heading('Structures');
		await $('tbody tr[data-index]').waitForExist();
		const lateOnly = await $('//label[contains(., "obligation employeur en retard")]/input');
		await lateOnly.waitForClickable();
		await lateOnly.click();
		await expect(lateOnly).toBeSelected();
		const names = () =>
			browser.execute(() => [...document.querySelectorAll('tbody tr td:first-child a')].map((a) => a.textContent.trim()));
		await browser.waitUntil(async () => {
			const shown = await names();
			return shown.includes('A Cumpagnia di u Rughjone') && !shown.includes('Cinéma Le Navire');
		});
		expect(await names()).toContain('Compagnie du Sillon');
		await expect($('//p[contains(., "correspondant aux filtres")]')).toBeDisplayed();
	});

	it('records the OPCO and a training action, with the year totals', async () => {
		await openStructure('A Cumpagnia di u Rughjone');
		await choose('OPCO de la structure', 'AFDAS (culture, médias, sport, loisirs)');
		await expect($('//p[normalize-space(.)="OPCO enregistré."]')).toBeDisplayed();
		await click('Ajouter une action de formation');
		await fill('Intitulé', 'Paie des intermittents du spectacle');
		await fill('Personnes concernées', '2');
		await fill('Heures', '10,5');
		await fill('Coût (€)', '1 400');
		await fill('Financement demandé (€)', '1 400');
		await fill('Financement obtenu (€)', '1 600');
		await fill('Début', `02/03/${thisYear}`);
		await click("Ajouter l'action");
		await expect($('#f-training\\.funding_obtained-error')).toHaveText(
			expect.stringContaining('dépasse le financement demandé')
		);
		await fill('Financement obtenu (€)', '1 200');
		await click("Ajouter l'action");
		const year = await $(`//table[@aria-label="Totaux de formation par année"]//tr[th[normalize-space(.)="${thisYear}"]]`);
		await expect(year).toHaveText(expect.stringContaining('10,5'));
		await expect(year).toHaveText(expect.stringMatching(/1\s200,00\s€$/));

		await browser.refresh();
		await heading('A Cumpagnia di u Rughjone');
		await expect($('#f-opco')).toHaveValue('afdas');
		await expect(section('Formation et compétences')).toHaveText(
			expect.stringContaining('Paie des intermittents du spectacle')
		);
	});

	it('records a France Active application and sees the case and the year change', async () => {
		await click('Financements');
		await heading('Financements solidaires');
		const obtained = await $('[data-testid="finance-obtained"]');
		await obtained.waitForDisplayed();
		const cents = async () => Number((await obtained.getText()).replace(/\D/g, ''));
		const before = await cents();

		await openStructure('A Cumpagnia di u Rughjone');
		await click('2025-005');
		await heading('Accompagnement 2025-005');
		await $('//*[@role="tab"][contains(., "Financements")]').click();
		await click('Ajouter une demande');
		await choose('Outil', 'France Active – garantie');
		await fill('Organisme', 'France Active Corse');
		await fill('Montant demandé (€)', '30 000');
		await choose('État de la demande', 'Accordée');
		await fill('Montant obtenu (€)', '24 000');
		await fill('Décision le', today);
		await click('Ajouter la demande');
		await expect($('.totals')).toHaveText(expect.stringMatching(/Demandé\s: 30\s000,00\s€ · Obtenu\s: 24\s000,00\s€/));

		await click('Financements');
		await heading('Financements solidaires');
		await browser.waitUntil(async () => (await cents()) === before + 2_400_000, {
			timeoutMsg: 'Le total obtenu de l’année n’a pas augmenté de 24 000 €.'
		});
		await expect($('//section[.//h2[normalize-space(.)="Par outil"]]')).toHaveText(
			expect.stringContaining('France Active – garantie')
		);
	});

	it('links two structures in a lieu partagé and finds it from both', async () => {
		await openStructure('Voce di Bastia');
		await click('Nouveau projet de coopération');
		await heading('Nouveau projet de coopération');
		await fill('Nom du projet', 'La Maison des Polyphonies');
		await choose('Type de coopération', 'Lieu partagé / tiers-lieu');
		await click('Enregistrer le projet');
		await expect($('#f-members\\.1\\.structure_id-error')).toHaveText('Choisissez la structure.');
		await pick('Structure 2', 'cumpagnia', 'A Cumpagnia di u Rughjone');
		await expect(await field('Structure 2')).toHaveValue('A Cumpagnia di u Rughjone (Ajaccio)');
		await click('Enregistrer le projet');
		await heading('La Maison des Polyphonies');
		await expect(section('Structures du projet')).toHaveText(expect.stringContaining('Voce di Bastia'));

		await click('A Cumpagnia di u Rughjone');
		await heading('A Cumpagnia di u Rughjone');
		await expect(section('Coopérations')).toHaveText(expect.stringContaining('La Maison des Polyphonies'));
		await expect(section('Coopérations')).toHaveText(expect.stringContaining('avec Voce di Bastia'));
		await openStructure('Voce di Bastia');
		await expect(section('Coopérations')).toHaveText(expect.stringContaining('La Maison des Polyphonies'));
		await expect(section('Coopérations')).toHaveText(expect.stringContaining('avec A Cumpagnia di u Rughjone'));
	});

	it('adds a partner, refers a case to it, and finds the referral on both sides', async () => {
		await click('Partenaires');
		await heading('Partenaires');
		await click('Ajouter un partenaire');
		await fill('Nom', 'CRESS de Corse');
		await choose('Type', 'CRESS');
		await click('Ajouter un contact');
		await $('[id="f-contacts.0.name"]').setValue('Maria Santoni');
		await $('[id="f-contacts.0.email"]').setValue('maria@');
		await click('Enregistrer le partenaire');
		await expect($('[id="f-contacts.0.email-error"]')).toBeDisplayed();
		await $('[id="f-contacts.0.email"]').setValue('m.santoni@cress-corsica.org');
		await click('Enregistrer le partenaire');
		await heading('CRESS de Corse');
		await expect(section('Contacts')).toHaveText(expect.stringContaining('Maria Santoni'));

		await openStructure('A Cumpagnia di u Rughjone');
		await click('2025-005');
		await heading('Accompagnement 2025-005');
		await $('//*[@role="tab"][contains(., "Orientations")]').click();
		await click('Orienter vers un partenaire');
		await choose('Partenaire', 'CRESS de Corse');
		await fill('Motif', "Rejoindre le réseau régional de l'ESS.");
		await click("Ajouter l'orientation");
		await expect($('.referrals')).toHaveText(expect.stringContaining('CRESS de Corse'));
		await expect($('.referrals')).toHaveText(expect.stringContaining('En attente'));

		await click('CRESS de Corse');
		await heading('CRESS de Corse');
		await expect(section('Structures orientées')).toHaveText(expect.stringContaining('A Cumpagnia di u Rughjone'));
		await expect(section('Structures orientées')).toHaveText(expect.stringContaining("Rejoindre le réseau régional"));
	});

	it('refers a case through the directory when it leaves as referred, and lists who went where', async () => {
		await click('Accompagnements');
		await click('2026-012');
		await heading('Accompagnement 2026-012');
		await click('Orienter vers un autre dispositif');
		await (await $('[role="dialog"]').$("button=Aujourd'hui")).click();
		await choose("Partenaire de l'annuaire", 'France Active Auvergne-Rhône-Alpes');
		await fill('Motif', 'Besoin de trésorerie avant tout accompagnement.');
		await click('Confirmer');
		await expect($('.stage-box')).toHaveText(expect.stringContaining('Orienté vers un autre dispositif'));
		await expect($('.timeline')).toHaveText(expect.stringContaining('France Active Auvergne-Rhône-Alpes'));

		await click('Orientations');
		await heading('Orientations');
		const all = () => $('[aria-label="Toutes les orientations"]');
		await expect(await all()).toHaveText(expect.stringContaining('Radio Pays d\'Auvergne'));
		await expect(await all()).toHaveText(expect.stringContaining('A Cumpagnia di u Rughjone'));
		await choose('Type de partenaire', 'CRESS');
		await browser.waitUntil(async () => !(await (await all()).getText()).includes("Radio Pays d'Auvergne"));
		await expect(await all()).toHaveText(expect.stringContaining('CRESS de Corse'));
		// Counted by the core for the filter: this year's referrals to a CRESS, the demo's and ours.
		await expect($('.page-head')).toHaveText(expect.stringContaining('2 orientations vers 2 partenaires'));
		await expect(section('Par partenaire')).toHaveText(expect.stringMatching(/CRESS de Corse\s+CRESS\s+1(\s|$)/));
	});
});
