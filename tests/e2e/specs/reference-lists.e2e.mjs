// Reference data a DLA loads itself: INSEE's density grid and the ANCT's FRR communes, from
// files as they publish them (written here), kept after a restart; the reports then say
// rural by the grid, and a new structure's form proposes the FRR class of its commune; a
// file that is not a list is refused in French and changes nothing. (WebDriver reads a
// no-break space as a space.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@wdio/globals';
import { chooseCommune, click, fill, firstStart, heading } from '../helpers.mjs';

const block = (title) => $(`//div[@role="group"][.//h3[normalize-space(.)="${title}"]]`);
const GRID = 'Grille communale de densité';
const FRR = 'Communes France Ruralités Revitalisation';

const downloads = mkdtempSync(path.join(os.tmpdir(), 'telechargements-'));

/** Writes `text` to a file of that name and makes it the dialog's answer. */
function answerWith(name, text) {
	const file = path.join(downloads, name);
	writeFileSync(file, text);
	writeFileSync(process.env.JALONS_PICK_FILES, file);
}

async function loadIn(title, year) {
	const b = await block(title);
	const input = await b.$('input');
	await input.clearValue();
	if (year) await input.setValue(year);
	const button = await b.$('button');
	await browser.execute((node) => node.scrollIntoView({ block: 'center' }), button);
	await button.click();
}

function grid() {
	let text = 'Grille communale de densité à 7 niveaux;;;\n;;;\nCODGEO;LIBGEO;DENS;LIBDENS\n';
	text += '26113;Die;6;Rural à habitat dispersé\n26002;Albon;4;Petites villes\n';
	for (let i = 0; i < 148; i++) text += `${String(1001 + i).padStart(5, '0')};Commune ${i};${1 + (i % 7)};x\n`;
	return text;
}

describe('Les données de référence chargées par le DLA', () => {
	it('loads the density grid and the FRR list from the files INSEE and the ANCT publish', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await click('Paramètres');
		await heading('Paramètres');
		await expect(await block(GRID)).toHaveText(expect.stringContaining('Aucune grille chargée'));

		answerWith('lettre.txt', 'Bonjour,\nvoici le compte rendu.\n');
		await loadIn(GRID, '2025');
		await expect($('#density-error')).toHaveText(expect.stringContaining('« lettre.txt » ne ressemble pas à la grille communale de densité'));
		await expect(await block(GRID)).toHaveText(expect.stringContaining('Aucune grille chargée'));

		answerWith('grille_densite_7_niveaux_2025.csv', grid());
		await loadIn(GRID, '');
		await expect(await block(GRID)).toHaveText(expect.stringContaining('150 communes chargées.'));
		await expect(await block(GRID)).toHaveText(expect.stringContaining('Millésime 2025 · 150 communes'));

		answerWith('communes_frr_2025.csv', 'CODGEO;LIBGEO;FRR\n26113;Die;FRR+\n07010;Annonay;FRR\n');
		await loadIn(FRR, '2025');
		await expect(await block(FRR)).toHaveText(expect.stringContaining('2 communes chargées.'));
	});

	it('keeps them after a restart; the reports say rural by the grid', async () => {
		await browser.reloadSession();
		await heading('Mes accompagnements');
		await click('Paramètres');
		await expect(await block(GRID)).toHaveText(expect.stringContaining('Millésime 2025'));
		await expect(await block(FRR)).toHaveText(expect.stringContaining('« communes_frr_2025.csv »'));
		await click('Bilans');
		await heading('Bilans pour les financeurs');
		await expect($('.rule-note')).toHaveText(expect.stringContaining("grille communale de densité 2025 de l'INSEE, niveaux 5 à 7"));
	});

	it('proposes the FRR class of a new structure’s commune', async () => {
		await click('Structures');
		await click('Nouvelle structure');
		await heading('Nouvelle structure');
		await fill('Nom de la structure', 'Compagnie du Diois');
		await chooseCommune('Die');
		const frr = await $('//label[normalize-space(.)="France Ruralités Revitalisation"]');
		const select = await $(`[id="${await frr.getAttribute('for')}"]`);
		await expect(select).toHaveValue('frr_plus');
		await expect($('//*[contains(normalize-space(.), "Proposé d\'après la liste FRR 2025 de l\'ANCT.")]')).toBeDisplayed();
		await expect(await $('//label[normalize-space(.)="Année du classement FRR"]')).toBeDisplayed();
	});
});
