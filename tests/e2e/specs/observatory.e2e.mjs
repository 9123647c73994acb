// The Observatoire on the demonstration data: the year's figures, the map, a département
// chosen and compared with the whole, and back to the whole period.
import { expect } from '@wdio/globals';
import { choose, click, firstStart, heading } from '../helpers.mjs';

const scope = () => $('//p[contains(@class, "scope")]');

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
});
