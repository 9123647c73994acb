// Finding things the way a user does: fields by their label, buttons and links by their text.

/** The input, select or textarea whose label starts with `text` (a trailing " *" marks required). */
export async function field(text) {
	const label = await $(`//label[starts-with(normalize-space(.), "${text}")]`);
	await label.waitForExist();
	const id = await label.getAttribute('for');
	return $(`[id="${id}"]`);
}

export async function fill(labelText, value) {
	const input = await field(labelText);
	await input.waitForDisplayed();
	await input.clearValue();
	if (value === '') {
		// WebDriver's clear fires no input event: type and erase a character so the app sees it.
		await input.addValue(' ');
		await browser.keys(['Backspace']);
	} else {
		await input.setValue(value);
	}
}

export async function choose(labelText, optionText) {
	const select = await field(labelText);
	await select.selectByVisibleText(optionText);
}

/** Types in a search field that picks one record (a commune, a structure) and picks the
 * suggestion named `name`. */
export async function pick(labelText, typed, name) {
	const input = await field(labelText);
	await input.setValue(typed);
	const option = await $(`//*[@role="option"][.//span[normalize-space(.)="${name}"]]`);
	await option.waitForDisplayed();
	await option.click();
}

/** Types a commune's name in the commune field and picks it among the suggestions. */
export const chooseCommune = (name) => pick('Commune', name, name);

export async function click(text) {
	const el = await $(`//*[self::button or self::a][normalize-space(.)="${text}"]`);
	// Long pages: bring it into view first, since WebDriver only clicks what it can see.
	await el.waitForExist();
	await browser.execute((node) => node.scrollIntoView({ block: 'center' }), el);
	await el.waitForClickable();
	await el.click();
}

export async function heading(text) {
	const h = await $(`//h1[contains(normalize-space(.), "${text}")]`);
	await h.waitForDisplayed();
	return h;
}

/** The passphrase the specs choose for their database. */
/** Waits until the page has not changed for `quiet` ms (a screen's lists and panels arrive
 * after its heading, each from its own call), or `timeout` ms at most. */
export function settled(quiet = 250, timeout = 5000) {
	return browser.executeAsync(
		(quiet, timeout, done) => {
			let timer;
			const finish = () => {
				observer.disconnect();
				clearTimeout(timer);
				clearTimeout(limit);
				done();
			};
			const observer = new MutationObserver(() => {
				clearTimeout(timer);
				timer = setTimeout(finish, quiet);
			});
			observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
			timer = setTimeout(finish, quiet);
			const limit = setTimeout(finish, timeout);
		},
		quiet,
		timeout
	);
}

export const PHRASE = 'lavande Diois tracteur 1987';

/** Ticks the checkbox whose label starts with `text`. */
export async function tick(text) {
	const box = await $(`//label[starts-with(normalize-space(.), "${text}")]/input[@type="checkbox"]`);
	await box.waitForExist();
	if (!(await box.isSelected())) await box.click();
}

/** The first start of a fresh database: Jalons asks for a passphrase (remembered on this
 * computer, in the session's keyring), shows the recovery key, then asks the user's name. */
export async function firstStart(name) {
	await heading('Protégez vos données');
	await fill('Phrase secrète', PHRASE);
	await fill('La même, une seconde fois', PHRASE);
	await click('Chiffrer et continuer');
	await heading('Votre clé de secours');
	await tick("J'ai noté ou enregistré ma clé de secours");
	await click('Continuer');
	await heading('Bienvenue');
	await fill('Votre nom', name);
	await click('Commencer');
	await heading('Mes accompagnements');
}
