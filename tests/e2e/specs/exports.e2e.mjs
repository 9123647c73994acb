// Documents for funders through the real app: the operator's identity in the settings, a
// case's summary previewed with the confidential parts chosen, then saved through the save
// dialog (its answer given by JALONS_SAVE_DIR) and read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@wdio/globals';
import { choose, click, field, fill, firstStart, heading } from '../helpers.mjs';

const saved = (name) => path.join(process.env.JALONS_SAVE_DIR, name);

describe('Les documents pour les financeurs', () => {
	it('shows the operator and refuses a logo that is not a picture', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await click('Paramètres');
		await heading('Paramètres');
		await expect(await field('Nom (DLA ou CRESS)')).toHaveValue('DLA de la Drôme');
		await expect($('img[alt="Logo de DLA de la Drôme"]')).toBeDisplayed();
		// The « pick » dialog answers with a PDF in the tests.
		await click('Changer le logo…');
		await expect($('#operator-error')).toHaveText(expect.stringContaining("n'est pas une image PNG, JPEG ou SVG"));
		await expect($('img[alt="Logo de DLA de la Drôme"]')).toBeDisplayed();
		await fill('Signataire des fiches', 'Camille Martin, chargée de mission DLA Drôme');
		await click("Enregistrer l'identité");
		await expect($('//*[@role="status"][normalize-space(.)="Identité enregistrée."]')).toBeDisplayed();
	});

	it('previews a case summary, then saves it as a PDF', async () => {
		await click('Accompagnements');
		await click('Terminés 6');
		await click('2025-001');
		await heading('Accompagnement 2025-001');
		await click('Fiche de synthèse…');
		const pages = $('.pages');
		await expect(pages).toHaveText(expect.stringContaining('2 pages · Fiche de synthèse 2025-001 La Friche des Canuts.pdf'));
		await expect($('img[alt="Page 1 de la fiche"]')).toBeDisplayed();
		await $('//label[contains(., "Budget, fonds propres")]/input').click();
		await click('Enregistrer le PDF…');
		const file = saved('Fiche de synthèse 2025-001 La Friche des Canuts.pdf');
		await expect($('.summary-dialog [role="status"]')).toHaveText(expect.stringContaining(file));
		expect(existsSync(file)).toBe(true);
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
		expect(text).toContain('FICHE DE SYNTHÈSE DE L’ACCOMPAGNEMENT 2025-001');
		expect(text).toContain('Camille Martin, chargée de mission DLA Drôme');
		expect(text).toContain('780 000,00 €');
		expect(text).not.toContain('Sophie Marchal');
		await click('Fermer');
	});

	it('shows a period report and exports it as a workbook and as anonymised aggregates', async () => {
		await click('Bilans');
		await heading('Bilans pour les financeurs');
		await fill('Du', '01/01/2026');
		await fill('Au', '31/12/2026');
		await expect($('.scope')).toHaveText(expect.stringContaining('25 accompagnements du 01/01/2026 au 31/12/2026'));
		await fill('Au', '31/12/2025');
		await expect(await field('Au')).toHaveAttribute('aria-invalid', 'true');
		await fill('Au', '31/12/2026');
		await expect($('#fam-structures')).toHaveText(expect.stringContaining('Stock'));
		await expect($('#fam-flows')).toHaveText(expect.stringContaining('Flux'));
		await expect($('[aria-labelledby="fam-flows"]')).toHaveText(expect.stringContaining('Demandes reçues'));
		await choose('Ligne de financement', "Région Auvergne-Rhône-Alpes — Soutien à l'ESS culturelle");
		await expect($('.scope')).toHaveText(expect.stringContaining("financés par Région Auvergne-Rhône-Alpes"));
		await expect($('[aria-labelledby="fam-engagements"]')).toHaveText(expect.stringContaining('Part payée par la ligne'));
		await click('Classeur Excel (XLSX)…');
		const workbook = saved('Bilan 2026-01-01 au 2026-12-31.xlsx');
		await expect($('.exports [role="status"]')).toHaveText(expect.stringContaining(workbook));
		expect(readFileSync(workbook).subarray(0, 2).toString()).toBe('PK');

		await choose('Ligne de financement', 'Tous les financeurs');
		await click('Agrégats anonymisés (CSV)…');
		const aggregates = saved('Agrégats anonymisés 2026-01-01 au 2026-12-31.csv');
		await expect($('.exports [role="status"]')).toHaveText(expect.stringContaining(aggregates));
		const text = readFileSync(aggregates, 'utf8');
		expect(text.startsWith('\uFEFFTerritoire;Secteur;Structures accompagnées')).toBe(true);
		expect(text).toContain(';< 5;');
		expect(text).not.toContain('La Friche des Canuts');
	});

	it('writes the summaries of the period into one folder, with progress', async () => {
		await click('Écrire les 25\u00a0fiches…');
		await expect($('//*[@role="status"][contains(normalize-space(.), "25\u00a0fiches enregistrées dans")]')).toBeDisplayed({ wait: 60000 });
		const pdfs = readdirSync(process.env.JALONS_SAVE_DIR).filter((f) => f.endsWith('.pdf'));
		expect(pdfs.length).toBe(25);
		expect(pdfs).toContain('Fiche de synthèse 2026-014 Le Bijou Café-Concert.pdf');
	});
});
