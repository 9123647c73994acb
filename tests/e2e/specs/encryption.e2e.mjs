// Encryption at rest through the real app: the passphrase chosen at first start, the file
// unreadable without it, the key remembered in the session's keyring, forgotten from
// Paramètres and asked again, and the recovery key when the passphrase is forgotten.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { click, fill, heading, PHRASE, tick } from '../helpers.mjs';

const MARKER = 'Zéphyrine Marqueur';
const NEW_PHRASE = 'Vercors brebis clarinette 42';

function rawBytes() {
	const db = process.env.JALONS_TEST_DB;
	const files = [db, `${db}-wal`].filter((f) => existsSync(f));
	return files.map((f) => readFileSync(f));
}

async function fieldError(field) {
	const error = await $(`[id="f-${field}-error"]`);
	await error.waitForDisplayed();
	return error.getText();
}

describe('Chiffrement de la base', () => {
	let recovery;

	it('chooses a passphrase at first start, refusing a weak one, and shows the recovery key', async () => {
		await heading('Protégez vos données');
		await expect($('main, body')).toHaveText(expect.stringContaining('Une phrase oubliée ne se retrouve pas'));
		await fill('Phrase secrète', 'azerty123');
		await fill('La même, une seconde fois', 'azerty123');
		await click('Chiffrer et continuer');
		expect(await fieldError('passphrase')).toContain('10 caractères au moins');
		await fill('Phrase secrète', PHRASE);
		await fill('La même, une seconde fois', `${PHRASE}!`);
		await click('Chiffrer et continuer');
		expect(await fieldError('passphrase_confirmation')).toContain('ne sont pas identiques');
		await fill('La même, une seconde fois', PHRASE);
		await click('Chiffrer et continuer');

		await heading('Votre clé de secours');
		recovery = await $('.recovery').getText();
		expect(recovery).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
		await click('Enregistrer la clé dans un fichier…');
		await expect($('[role="status"]')).toHaveText(expect.stringContaining('Clé de secours enregistrée'));
		const sheet = readFileSync(path.join(process.env.JALONS_SAVE_DIR, 'cle-de-secours-jalons.txt'), 'utf8');
		expect(sheet).toContain(recovery);
		await expect($('button=Continuer')).toBeDisabled();
		await tick("J'ai noté ou enregistré ma clé de secours");
		await click('Continuer');

		await heading('Bienvenue');
		await fill('Votre nom', MARKER);
		await click('Commencer');
		await heading('Mes accompagnements');
	});

	it('leaves nothing readable in the database file or its WAL', async () => {
		for (const bytes of rawBytes()) {
			expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
			expect(bytes.includes(Buffer.from('Marqueur'))).toBe(false);
		}
		expect(existsSync(`${process.env.JALONS_TEST_DB}-cle`)).toBe(true);
	});

	it('opens at once on the next start, with the key remembered on this computer', async () => {
		await browser.reloadSession();
		await heading('Mes accompagnements');
		await expect($('nav .user')).toHaveText(expect.stringContaining(MARKER));
	});

	it('asks the passphrase again once the key is forgotten in Paramètres', async () => {
		await click('Paramètres');
		await click('Oublier la clé sur cet ordinateur');
		await $('//*[@role="status"][contains(., "La clé est oubliée sur cet ordinateur")]').waitForDisplayed();
		await browser.reloadSession();
		await heading('Déverrouiller Jalons');
		await fill('Phrase secrète', 'lavande Diois tracteur 1988');
		await click('Ouvrir');
		expect(await fieldError('passphrase')).toContain('Phrase secrète incorrecte');
		await fill('Phrase secrète', PHRASE);
		await click('Ouvrir');
		await heading('Mes accompagnements');
	});

	it('opens with the recovery key when the passphrase is forgotten, and takes a new one', async () => {
		await browser.reloadSession();
		await heading('Déverrouiller Jalons');
		await click('Phrase oubliée\u202f? Utiliser la clé de secours');
		await fill('Clé de secours', recovery.toLowerCase().replaceAll('-', ' '));
		await click('Ouvrir');
		await heading('Choisissez une nouvelle phrase secrète');
		await fill('Nouvelle phrase secrète', NEW_PHRASE);
		await fill('La même, une seconde fois', NEW_PHRASE);
		await click('Enregistrer la phrase');
		await heading('Mes accompagnements');

		await browser.reloadSession();
		await heading('Déverrouiller Jalons');
		await fill('Phrase secrète', NEW_PHRASE);
		await click('Ouvrir');
		await heading('Mes accompagnements');
	});
});
