import { describe, expect, it } from 'vitest';
import type { ErasurePlan } from './bindings';
import { deletedText, erasedText, erasureConsequences } from './privacy';

const plan = (p: Partial<ErasurePlan>): ErasurePlan => ({ name: 'Awa Diallo', record: null, found: [], files: [], others: [], ...p });

describe('the words of an erasure', () => {
	it('says what becomes of the record and of the files named after the person', () => {
		expect(erasureConsequences(plan({ record: 'Contact de la structure X', files: ['CV.pdf'] }))).toContain(
			'Sa fiche sera supprimée, ainsi que la pièce jointe à son nom (CV.pdf).'
		);
		expect(erasureConsequences(plan({ files: ['a.pdf', 'b.pdf'] }))).toContain(
			'Les pièces jointes à son nom (a.pdf, b.pdf) seront supprimées.'
		);
		const bare = erasureConsequences(plan({}));
		expect(bare).not.toContain('fiche');
		expect(bare).toContain('«\u00a0[personne effacée]\u00a0»');
	});

	it('tells what was erased, counted', () => {
		expect(erasedText('Awa Diallo', ['2\u00a0entrées du journal'])).toBe("Effacement d'Awa Diallo terminé (2\u00a0entrées du journal).");
		expect(erasedText('Jean Morel', [])).toBe('Effacement de Jean Morel terminé.');
	});

	it('tells what was deleted with a structure or a case', () => {
		expect(deletedText('Compagnie du Sillon', ['1\u00a0dossier d\'accompagnement'])).toBe(
			"Suppression de «\u00a0Compagnie du Sillon\u00a0» terminée (1\u00a0dossier d'accompagnement)."
		);
	});
});
