// The workflow on the demonstration data: the consultant registry's search, a collective
// ingénierie joined by one more structure, a referral refused then recorded, a reopening,
// and the case list sorted by structure.
import { expect } from '@wdio/globals';
import { choose, click, fill, firstStart, heading } from '../helpers.mjs';

const firstColumn = () =>
	browser.execute(() => [...document.querySelectorAll('tbody tr td:first-child a')].map((a) => a.textContent.trim()));

async function expectFirstColumn(expected) {
	let seen = [];
	await browser
		.waitUntil(async () => JSON.stringify((seen = await firstColumn())) === JSON.stringify(expected))
		.catch(() => {
			throw new Error(`Liste attendue ${JSON.stringify(expected)}, obtenue ${JSON.stringify(seen)}`);
		});
}

describe('Le déroulé sur les données de démonstration', () => {
	it('searches the consultant registry by name, firm and skill', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await click('Consultants');
		await heading('Consultants');
		await expect($('//p[normalize-space(.)="6\u00a0consultants"]')).toBeDisplayed();
		await fill('Rechercher', 'coop conseil');
		await expectFirstColumn(['Claire Fontaine']);
		await fill('Rechercher', '');
		await choose('Compétence', 'Numérique');
		await expectFirstColumn(['Thomas Le Gall']);
	});

	it('adds one more structure to a collective ingénierie', async () => {
		await click('Ingénieries');
		await heading('Ingénieries');
		await fill('Rechercher', 'tresorerie');
		// The list refreshes a moment after typing: click once it shows only that one.
		await browser.waitUntil(async () => (await $$('tbody tr[data-index]')).length === 1);
		await click('Trésorerie et modèle économique des lieux culturels');
		await heading('Trésorerie et modèle économique');
		await expect($('.head')).toHaveText(expect.stringContaining('Restitution faite'));
		await choose('Ajouter une structure', '2026-001 · Coutellerie Solidaire de Thiers');
		await click('Ajouter');
		await click("Enregistrer l'ingénierie");
		await expect($('//p[normalize-space(.)="Ingénierie enregistrée."]')).toBeDisplayed();
		await expect($('.linked')).toHaveText(expect.stringContaining('Coutellerie Solidaire de Thiers'));

		// The structure's name opens the structure; the case's reference, the case.
		await expect($('//ul[@aria-label="Structures concernées"]//a[normalize-space(.)="Coutellerie Solidaire de Thiers"]')).toHaveAttribute('href', expect.stringContaining('#/structures/'));
		await click('2026-001');
		await heading('Accompagnement 2026-001');
		await $('//*[@role="tab"][contains(., "Ingénieries")]').click();
		await expect($('.engagements')).toHaveText(expect.stringContaining('Trésorerie et modèle économique des lieux culturels'));
		await expect($('.engagements')).toHaveText(expect.stringContaining('Collective'));
	});

	it('records a France Active application and sees the case total change', async () => {
		await $('//*[@role="tab"][contains(., "Financements")]').click();
		const totals = await $('.totals');
		await expect(totals).toHaveText(expect.stringMatching(/Demandé\s: 15\s000,00\s€ · Obtenu\s: 0,00\s€/));
		await click('Ajouter une demande');
		await choose('Outil', 'France Active – prime');
		await fill('Organisme', 'France Active Auvergne');
		await fill('Montant demandé (€)', '10 000');
		await choose('État de la demande', 'Accordée');
		await fill('Montant obtenu (€)', '12 000');
		await fill('Décision le', new Date().toLocaleDateString('fr-FR'));
		await click('Ajouter la demande');
		await expect($('#f-finance\\.amount_obtained-error')).toHaveText(
			expect.stringContaining('dépasse le montant demandé')
		);
		await fill('Montant obtenu (€)', '8 000');
		await click('Ajouter la demande');
		await expect(totals).toHaveText(expect.stringMatching(/Demandé\s: 25\s000,00\s€ · Obtenu\s: 8\s000,00\s€/));

		await click('Coutellerie Solidaire de Thiers');
		await heading('Coutellerie Solidaire de Thiers');
		await expect($('//section[.//h2[normalize-space(.)="Financement solidaire"]]')).toHaveText(
			expect.stringContaining('France Active – prime')
		);
	});

	it('refers a case to a partner, then reopens it', async () => {
		await click('Accompagnements');
		await click('2026-012');
		await heading('Accompagnement 2026-012');
		await click('Orienter vers un autre dispositif');
		await (await $('[role="dialog"]').$("button=Aujourd'hui")).click();
		await fill('Motif', 'Projet de tiers-lieu : relève d’abord de l’appel à projets régional.');
		await click('Confirmer');
		await expect($('#f-partner-error')).toHaveText('Indiquez vers quel partenaire la structure est orientée.');
		await fill('Partenaire ou dispositif', 'France Tiers-Lieux');
		await click('Confirmer');
		await expect($('.stage-box')).toHaveText(expect.stringContaining('Orienté vers un autre dispositif'));
		await expect($('.timeline')).toHaveText(expect.stringMatching(/Orienté vers\s: France Tiers-Lieux/));
		await expect($('[role="note"]')).toHaveText(expect.stringContaining('lecture seule'));

		await click("Rouvrir l'accompagnement");
		await (await $('[role="dialog"]').$("button=Aujourd'hui")).click();
		await click('Confirmer');
		await expect($('#f-comment-error')).toHaveText("Expliquez en commentaire pourquoi rouvrir l'accompagnement.");
		await fill('Commentaire', 'Le projet régional a été refusé : la structure revient vers le DLA.');
		await click('Confirmer');
		await expect($('.stage-box')).toHaveText(expect.stringContaining('Accueil'));
		await expect($('.timeline')).toHaveText(expect.stringMatching(/Réouverture\s: Accueil/));
	});

	it('sorts the cases by structure', async () => {
		await click('Accompagnements');
		await heading('Mes accompagnements');
		// Once the list is there and nothing (a closing dialog) covers the header.
		await $('tbody tr[data-index]').waitForExist();
		const sortButton = await $('//th//button[contains(., "Structure")]');
		await sortButton.waitForClickable();
		await sortButton.click();
		await expect($('//th[contains(., "Structure")]')).toHaveAttribute('aria-sort', 'ascending');
		const structures = () =>
			browser.execute(() => [...document.querySelectorAll('tbody tr td:nth-child(2) a')].map((a) => a.textContent.trim()));
		// The list refreshes a moment after the click.
		await browser.waitUntil(async () => (await structures())[0] === 'A Cumpagnia di u Rughjone');
		const sorted = await structures();
		expect(sorted).toHaveLength(21);
		expect(sorted.at(-1)).toBe('Théâtre de la Courte Échelle');
	});
});
