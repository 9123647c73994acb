// Structures and cases deleted for real through the real app: what goes with them shown
// first, a box to tick, then the page left for the one above it, which says what was done.
import { expect } from '@wdio/globals';
import { click, firstStart, heading, tick } from '../helpers.mjs';

async function confirmDeletion(expected) {
	const dialog = await $('[role="dialog"]');
	await expect(dialog).toHaveText(expect.stringContaining(expected));
	await expect(dialog.$('button=Supprimer définitivement')).toBeDisabled();
	await tick("J'ai compris que la suppression est définitive");
	await dialog.$('button=Supprimer définitivement').click();
}

describe('Suppression définitive', () => {
	it('deletes a case and comes back to its structure', async () => {
		await firstStart('Camille Martin');
		await click('Charger les données de démonstration');
		await expect($('//p[contains(normalize-space(.), "21 en cours")]')).toBeDisplayed();
		await click('2025-003');
		await heading('Accompagnement 2025-003');
		await click('Supprimer…');
		await confirmDeletion('entrées du journal');
		await heading('Compagnie du Sillon');
		await expect($('.alert-success')).toHaveText(expect.stringContaining('Suppression de « 2025-003 (Compagnie du Sillon) » terminée'));
		await expect($('section[aria-labelledby="cases-title"]')).not.toHaveText(expect.stringContaining('2025-003'));
	});

	it('deletes the structure and comes back to the list', async () => {
		await click('Supprimer…');
		await confirmDeletion('fiches de contact');
		await heading('Structures');
		await expect($('.alert-success')).toHaveText(expect.stringContaining('Suppression de « Compagnie du Sillon » terminée'));
		await expect($('main table')).not.toHaveText(expect.stringContaining('Compagnie du Sillon'));
	});
});
