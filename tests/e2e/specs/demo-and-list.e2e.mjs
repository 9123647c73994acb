// The first-start offer of demonstration data, then the structure list as a chargé de
// mission uses it: filter, search, sort, archive and restore.
import { expect } from '@wdio/globals';
import { choose, click, fill, firstStart, heading } from '../helpers.mjs';

// One read of the whole column: the table re-renders as filters change, and element by
// element reads would meet stale elements.
const names = () =>
	browser.execute(() => [...document.querySelectorAll('tbody tr td:first-child a')].map((a) => a.textContent.trim()));

/** Waits for the list to show these names first (the list refreshes as filters change). */
async function expectNames(expected, { prefix = false } = {}) {
	let seen = [];
	await browser
		.waitUntil(async () => {
			seen = await names();
			const head = prefix ? seen.slice(0, expected.length) : seen;
			return JSON.stringify(head) === JSON.stringify(expected);
		})
		.catch(() => {
			throw new Error(`Liste attendue ${JSON.stringify(expected)}, obtenue ${JSON.stringify(seen)}`);
		});
}

describe('Données de démonstration et liste des structures', () => {
	it('loads the demonstration data offered on an empty database', async () => {
		await firstStart('Léa Fontaine');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await expect($('tbody')).toHaveText(expect.stringContaining('Théâtre de la Courte Échelle'));
	});

	it('filters the cases by stage and by what needs attention', async () => {
		await click('Mise en œuvre 7');
		await expect($('tbody')).toHaveText(expect.stringContaining('Théâtre de la Courte Échelle'));
		await expect($('tbody')).not.toHaveText(expect.stringContaining('Radio Pays'));
		await click('Tous en cours 21');
		await $('//label[contains(., "Seulement ceux qui demandent mon attention")]/input').click();
		await expect($('tbody')).toHaveText(expect.stringContaining('Suivi en retard'));
		await expect($('tbody')).toHaveText(expect.stringContaining('Rapport final attendu'));
		await expect($('tbody')).toHaveText(expect.stringContaining('Diagnostic à faire valider'));
		await expect($('tbody')).not.toHaveText(expect.stringContaining('Radio Pays'));
		await $('//label[contains(., "Seulement ceux qui demandent mon attention")]/input').click();
	});

	it('filters by département and legal form, and searches without accents', async () => {
		await click('Structures');
		await heading('Structures');
		await expect($(`//p[contains(normalize-space(.), "32\u00a0structures")]`)).toBeDisplayed();

		await choose('Département', '26 – Drôme');
		await expectNames([
			'Compagnie du Sillon',
			'Festival Les Nuits de Nyons',
			'La Fabrique à Sons',
			'Théâtre de la Courte Échelle'
		]);
		await choose('Département', 'Tous');
		await choose('Forme juridique', 'SCIC');
		await expectNames(['La Friche des Canuts', 'Le Bruit du Frigo Coop', 'Les Laboratoires Solidaires']);
		await choose('Forme juridique', 'Toutes');

		await fill('Rechercher', 'theatre echelle');
		await expectNames(['Théâtre de la Courte Échelle']);
		await fill('Rechercher', '');
	});

	it('sorts by budget, largest first', async () => {
		await $('//th//button[contains(., "Budget annuel")]').click();
		await expectNames(['Le Port Musée Vivant', 'Coutellerie Solidaire de Thiers'], { prefix: true });
		await expect($('//th[contains(., "Budget annuel")]')).toHaveAttribute('aria-sort', 'descending');
	});

	it('points to an existing structure when a new one has a similar name', async () => {
		await click('Nouvelle structure');
		await heading('Nouvelle structure');
		await fill('Nom de la structure', 'compagnie sillon');
		const hint = await $('[role="status"]');
		await expect(hint).toHaveText(expect.stringContaining('existe peut-être déjà'));
		await expect(hint).toHaveText(expect.stringContaining('Compagnie du Sillon'));
		await hint.$('a').click();
		await click('Quitter sans enregistrer');
		await heading('Compagnie du Sillon');
		await click('Structures');
	});

	it('archives a structure, then restores it', async () => {
		await $('//th//button[contains(., "Budget annuel")]').waitForDisplayed();
		await click('Le Port Musée Vivant');
		await heading('Le Port Musée Vivant');
		await click('Archiver…');
		await click('Archiver');
		await expect($('main')).toHaveText(expect.stringContaining('Archivée le'));

		await click('Structures');
		await expect($(`//p[contains(normalize-space(.), "31\u00a0structures")]`)).toBeDisplayed();
		await choose('Afficher', 'Structures archivées');
		await expectNames(['Le Port Musée Vivant']);

		await click('Le Port Musée Vivant');
		await click('Restaurer');
		await expect($('//button[normalize-space(.)="Archiver…"]')).toBeDisplayed();
		await click('Structures');
		await expect($(`//p[contains(normalize-space(.), "32\u00a0structures")]`)).toBeDisplayed();
	});
});
