// The journal of a case: an entry written with the people present, found again on the
// structure's page and through the global search, edited, and a mistaken one deleted after
// confirmation.
import { expect } from '@wdio/globals';
import { choose, click, fill, firstStart, heading } from '../helpers.mjs';

const today = new Date().toLocaleDateString('fr-FR');
const journal = () => $('[aria-label="Journal"]');
/** The newest entry's text, once it contains `text`: the list reloads after a save. */
async function newest(text) {
	let seen = '';
	await browser
		.waitUntil(async () => (seen = await $('ol[aria-label="Journal"] > li:first-child').getText()).includes(text))
		.catch(() => {
			throw new Error(`Entrée attendue avec « ${text} », vue : « ${seen} »`);
		});
	return seen;
}

describe('Le journal', () => {
	it('writes an entry on a case with the people present', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await click('2025-003');
		await heading('Accompagnement 2025-003');
		await $('//*[@role="tab"][normalize-space(.)="Journal"]').click();
		await expect(await journal()).toHaveText(expect.stringContaining('Entretien de diagnostic'));

		await click('Nouvelle entrée');
		await choose('Type', 'Visite sur site');
		await fill('Durée', 'une heure');
		await fill('Lieu', 'Théâtre du Sillon, Die');
		await $('//label[contains(., "Nadia Benali")]/input').click();
		await fill('Autres personnes', 'Jean Morel, Lucie Roche');
		await click("Ajouter l'entrée");
		await expect($('#f-journal\\.duration-error')).toHaveText(expect.stringContaining('Durée invalide'));
		await expect($('#f-journal\\.body-error')).not.toBeExisting();
		await fill('Durée', '1 h 30');
		await click("Ajouter l'entrée");
		await expect($('#f-journal\\.body-error')).toHaveText("Écrivez ce qui s'est dit ou fait.");
		await fill('Compte rendu', 'Visite du Théâtre du Sillon avec le consultant : la salle peut accueillir les répétitions des trois structures.');
		await click("Ajouter l'entrée");

		const first = await newest('Visite sur site');
		expect(first).toContain(`${today} · 1 h 30 · Théâtre du Sillon, Die`);
		expect(first).toContain('Avec Nadia Benali, Jean Morel, Lucie Roche');
	});

	it('finds the entry on the structure, edits it and deletes another', async () => {
		await click('Compagnie du Sillon');
		await heading('Compagnie du Sillon');
		expect(await newest('Visite du Théâtre du Sillon')).toContain('2025-003');

		await click(`Modifier l'entrée du ${today}`);
		await fill('Durée', '2 h');
		await click("Enregistrer l'entrée");
		await newest(`${today} · 2 h · Théâtre du Sillon, Die`);

		const count = async () => (await $$('ol[aria-label="Journal"] > li')).length;
		const before = await count();
		const last = await $('ol[aria-label="Journal"] > li:last-child');
		await browser.execute((node) => node.scrollIntoView({ block: 'center' }), last);
		await last.$('button*=Supprimer').click();
		await last.$('button=Supprimer').click();
		await browser.waitUntil(async () => (await count()) === before - 1);
		await expect(await journal()).not.toHaveText(expect.stringContaining('Premier appel du président'));
	});

	it('finds the entry by typing « theatre sill » and opens it', async () => {
		await click('Accompagnements');
		await heading('Mes accompagnements');
		await browser.keys(['Control', 'k']);
		const input = await $('#global-search');
		await input.waitForDisplayed();
		await input.setValue('theatre sill');
		const option = await $('//*[@role="option"][contains(., "Visite sur site du")]');
		await option.waitForDisplayed();
		await expect(option).toHaveText(expect.stringContaining('Compagnie du Sillon · 2025-003'));
		const marked = await browser.execute(() =>
			[...document.querySelectorAll('[role="option"] mark')].map((m) => m.textContent)
		);
		expect(marked).toContain('Théâtre');
		await expect($('//h3[normalize-space(.)="Journal"]')).toBeDisplayed();
		await option.click();
		await heading('Accompagnement 2025-003');
		await expect($('//*[@role="tab"][normalize-space(.)="Journal"]')).toHaveAttribute('data-state', 'active');
		await newest('Visite du Théâtre du Sillon');
	});
});
