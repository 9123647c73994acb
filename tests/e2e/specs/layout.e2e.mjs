// Every main screen at the default window size and at the minimum one, on the demonstration
// data: nothing overflows its container, no button's text is cut, axe-core finds no serious
// or critical violation, and the keyboard focus is visible.
import { expect } from '@wdio/globals';
import { click, firstStart, settled } from '../helpers.mjs';
import { focusIsVisible, overflows, seriousViolations } from '../layout.mjs';

const SIZES = [
	[1280, 820],
	[960, 600]
];

const SCREENS = ['today', 'cases', 'structures', 'engagements', 'consultants', 'finance', 'partners', 'referrals', 'cooperations', 'reports', 'observatory', 'settings'];

const CASE_TABS = ['Demande', 'Journal', 'Diagnostic', 'Parcours', 'Ingénieries', 'Suivi', 'Financements', 'Orientations'];

/** Opens a screen and waits for its heading (and `ready`, when given) to be there. */
async function go(hash, ready = 'main h1') {
	await browser.execute((h) => (location.hash = h), hash);
	await browser.waitUntil(() => browser.execute((h) => location.hash === h, hash), {
		timeoutMsg: `${hash} ne s'ouvre pas`
	});
	await $(ready).waitForDisplayed();
	await settled();
}

/** The first link of the page's list whose address starts with `prefix`, in a row that
 * holds `text` when given. */
async function firstLink(prefix, text) {
	const row = text ? `[.//*[normalize-space(.)="${text}"]]` : '';
	const link = await $(`//main//tbody/tr${row}//a[starts-with(@href, "${prefix}")]`);
	await link.waitForExist();
	// The driver may give the address whole: the screen is what follows the « # ».
	const href = await link.getAttribute('href');
	return href.slice(href.indexOf('#'));
}

async function check(where, problems) {
	for (const p of await overflows()) problems.push(`${where} : ${p}`);
	for (const v of await seriousViolations()) problems.push(`${where} : ${v}`);
}

describe("L'affichage à la taille par défaut et à la taille minimale", () => {
	it('loads the demonstration data', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await $('//p[contains(normalize-space(.), "21 en cours")]').waitForDisplayed();
	});

	for (const [width, height] of SIZES) {
		it(`keeps every main screen within the window at ${width} × ${height}`, async () => {
			await browser.setWindowSize(width, height);
			// The window takes its new size a moment after the call returns.
			const inner = () => browser.execute(() => window.innerWidth);
			await browser.waitUntil(async () => (await inner()) <= width, { timeout: 5000 }).catch(() => {});
			expect(await inner()).toBeLessThanOrEqual(width);
			const problems = [];
			for (const screen of SCREENS) {
				await go(`#/${screen}`);
				await check(screen, problems);
			}
			await go('#/structures');
			await go(await firstLink('#/structures/'), '//h2[normalize-space(.)="Contacts"]');
			await check('fiche structure', problems);
			await go('#/engagements');
			await go(await firstLink('#/engagements/'), '//h2[normalize-space(.)="Historique"]');
			await check('ingénierie', problems);
			// A case at its implementation, one at its follow-up (every section open), and a closed one, read only.
			for (const [scope, stage, open] of [
				['Mise en œuvre 7', 'Mise en œuvre', CASE_TABS.length - 1],
				['Suivi 3', 'Suivi', CASE_TABS.length],
				['Terminés 6', 'Clôture', CASE_TABS.length]
			]) {
				await go('#/cases');
				await click(scope);
				await settled();
				await go(await firstLink('#/cases/', stage), '[role="tab"]');
				let seen = 0;
				for (const tab of CASE_TABS) {
					const t = await $(`//*[@role="tab"][starts-with(normalize-space(.), "${tab}")]`);
					// A section the case never reached stays closed.
					if (!(await t.isEnabled())) continue;
					await t.click();
					await settled();
					await check(`accompagnement (${scope}), onglet ${tab}`, problems);
					seen += 1;
				}
				expect(`${scope} : ${seen} onglets`).toBe(`${scope} : ${open} onglets`);
			}
			expect(problems).toEqual([]);
		});
	}

	it('shows where the keyboard focus is', async () => {
		await go('#/cases');
		expect(await focusIsVisible()).toBe('');
		await go('#/structures/new');
		expect(await focusIsVisible(6)).toBe('');
	});
});
