// The Observatoire on the demonstration data: the year's figures, the map, a département
// chosen and compared with the whole, and back to the whole period.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@wdio/globals';
import { choose, click, firstStart, heading } from '../helpers.mjs';

const scope = () => $('//p[contains(@class, "scope")]');
const saved = (name) => path.join(process.env.JALONS_SAVE_DIR, name);

/** Clicks a chart's save button (named after the chart), and waits for its « Enregistré ». */
async function save(label) {
	const button = await $(`button[aria-label="${label}"]`);
	await button.scrollIntoView({ block: 'center' });
	await button.click();
	const figure = await button.$('./ancestor::figure');
	await figure.$('[role="status"]').waitForDisplayed();
}

describe('Observatoire', () => {
	it('draws the year, then a département beside the whole', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await $('//p[contains(normalize-space(.), "21 en cours")]').waitForDisplayed();
		await click('Observatoire');
		await heading('Observatoire');
		const year = new Date().getFullYear();
		await expect(await scope()).toHaveText(expect.stringContaining(`du 01/01/${year} au 31/12/${year} · toute la période`));
		const whole = Number((await (await scope()).$('strong').getText()).split(/\s/)[0]);
		expect(whole).toBeGreaterThan(5);
		// The map names each département with its count; the Drôme holds demo structures.
		const map = await $('svg[aria-label^="Carte des structures"]');
		await expect(map).toBeDisplayed();
		const drome = await browser.execute(
			() => [...document.querySelectorAll('svg[aria-label^="Carte"] title')].find((t) => t.textContent.startsWith('Drôme'))?.textContent
		);
		expect(drome).toMatch(/^Drôme \(26\)\u00a0: [1-9]\d*\u00a0structures?$/);
		await expect($('[role="img"][aria-label^="Accompagnements par étape"]')).toBeDisplayed();

		await choose('Territoire', 'Drôme (26)');
		await expect(await scope()).toHaveText(expect.stringContaining('· Drôme (26)'));
		const kept = Number((await (await scope()).$('strong').getText()).split(/\s/)[0]);
		expect(kept).toBeLessThan(whole);
		const needs = await $('//section[.//h3[normalize-space(.)="Domaines fragiles et priorités"]]');
		await expect(needs.$('.//th[normalize-space(.)="Ensemble"]')).toBeDisplayed();

		await click('Toute la période');
		await expect(await scope()).toHaveText(expect.stringContaining('toute la période'));
		await expect(needs.$('.//th[normalize-space(.)="Ensemble"]')).not.toBeExisting();
	});

	it('saves a chart as data and as drawings, named after it and its period', async () => {
		const year = new Date().getFullYear();
		const period = `${year}-01-01 au ${year}-12-31`;
		await save('Enregistrer les données de «\u00a0Accompagnements par étape au dernier jour\u00a0» en CSV');
		const csv = readFileSync(saved(`Observatoire - Accompagnements par étape - ${period}.csv`), 'utf8');
		expect(csv.startsWith('\ufeffÉtape au dernier jour;Accompagnements\n')).toBe(true);
		expect(csv).toMatch(/\nAccueil;\d+\n/);
		await save('Enregistrer les données de «\u00a0Accompagnements par étape au dernier jour\u00a0» en classeur Excel');
		const xlsx = saved(`Observatoire - Accompagnements par étape - ${period}.xlsx`);
		expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
		await save('Enregistrer «\u00a0Accompagnements par étape au dernier jour\u00a0» en image PNG');
		const png = readFileSync(saved(`Observatoire - Accompagnements par étape - ${period}.png`));
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect(png.length).toBeGreaterThan(5000);
		await save('Enregistrer «\u00a0Structures accompagnées par département\u00a0» en image SVG');
		const map = readFileSync(saved(`Observatoire - Structures par département - ${period}.svg`), 'utf8');
		expect(map.startsWith('<svg')).toBe(true);
		expect(map).toContain('Drôme (26)');
		await save('Enregistrer «\u00a0Structures accompagnées par département\u00a0» en image PNG');
		expect(existsSync(saved(`Observatoire - Structures par département - ${period}.png`))).toBe(true);
	});
});
