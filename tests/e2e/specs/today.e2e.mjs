// « Aujourd'hui »: what is late, due today and coming, from tasks and from what Jalons
// computes; a task ticked from the agenda, another added on a case and found there.
import { expect } from '@wdio/globals';
import { click, fill, firstStart, heading } from '../helpers.mjs';

const section = (title) => $(`//section[.//h2[starts-with(normalize-space(.), "${title}")]]`);
const today = new Date().toLocaleDateString('fr-FR');

describe("Aujourd'hui", () => {
	it('lists late, today and coming items from tasks, follow-ups, reports and obligations', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await click("Aujourd'hui");
		await heading("Aujourd'hui");
		const late = await section('En retard');
		await expect(late).toHaveText(expect.stringContaining('Relancer le consultant pour le compte rendu de lancement'));
		await expect(late).toHaveText(expect.stringMatching(/Obligation employeur\s: DUERP/));
		await expect(late).toHaveText(expect.stringContaining('Rapport final attendu'));
		await expect(await section("Aujourd'hui")).toHaveText(
			expect.stringContaining("Envoyer la fiche repère DUERP à l'administratrice")
		);
		await expect(await section('Dans les 14 prochains jours')).toHaveText(
			expect.stringContaining('Appeler la présidente avant le conseil')
		);
	});

	it('keeps the choice to turn the daily notification off', async () => {
		const notify = () => $('//label[contains(., "Me prévenir par une notification")]/input');
		await expect(await notify()).toBeSelected();
		await (await notify()).click();
		await browser.waitUntil(async () => !(await (await notify()).isSelected()));
		await browser.refresh();
		await heading("Aujourd'hui");
		await expect(await notify()).not.toBeSelected();
		await (await notify()).click();
		await expect(await notify()).toBeSelected();
		// Names stay out of the notification unless asked for.
		const names = () => $('//label[contains(., "Nommer les structures dans la notification")]/input');
		await expect(await names()).not.toBeSelected();
		await (await names()).click();
		await browser.waitUntil(async () => (await names()).isSelected());
		await browser.refresh();
		await heading("Aujourd'hui");
		await expect(await names()).toBeSelected();
	});

	it('ticks a task done from the agenda', async () => {
		await $('[aria-label="Fait\u00a0: Relancer le consultant pour le compte rendu de lancement"]').click();
		await browser.waitUntil(
			async () => !(await (await section('En retard')).getText()).includes('Relancer le consultant')
		);
	});

	it('adds a task on a case and finds it for today, then opens the case from it', async () => {
		await click('Accompagnements');
		await click('2025-005');
		await heading('Accompagnement 2025-005');
		await click('Nouvelle tâche');
		await click('Ajouter la tâche');
		await expect($('#f-task\\.title-error')).toHaveText("L'intitulé de la tâche est obligatoire.");
		await fill('Tâche', 'Transmettre la convention de lieu partagé');
		await fill('Pour le', today);
		await click('Ajouter la tâche');
		await expect($('[aria-label="Tâches"]')).toHaveText(expect.stringContaining('Transmettre la convention de lieu partagé'));

		await click("Aujourd'hui");
		await heading("Aujourd'hui");
		const now = await section("Aujourd'hui");
		await expect(now).toHaveText(expect.stringContaining('Transmettre la convention de lieu partagé'));
		await expect(now).toHaveText(expect.stringContaining('A Cumpagnia di u Rughjone · 2025-005'));
		await click('Transmettre la convention de lieu partagé');
		await heading('Accompagnement 2025-005');
	});
});
