// The words of the rights of a person, shown wherever an erasure is made.
import type { ErasurePlan } from './bindings';
import { ofPerson } from './french';

/** What the chargé reads once a person is erased. */
export function erasedText(name: string, found: string[]): string {
	return found.length > 0 ? `Effacement ${ofPerson(name)} terminé (${found.join(', ')}).` : `Effacement ${ofPerson(name)} terminé.`;
}

/** What an erasure does, told before it is confirmed. */
export function erasureConsequences(plan: ErasurePlan): string {
	const said = [
		'Son nom, son courriel et son téléphone seront remplacés par «\u00a0[personne effacée]\u00a0» partout, historique compris.'
	];
	const files = plan.files.length === 1 ? 'la pièce jointe' : 'les pièces jointes';
	const named = `${files} à son nom (${plan.files.join(', ')})`;
	if (plan.record && plan.files.length > 0) said.push(`Sa fiche sera supprimée, ainsi que ${named}.`);
	else if (plan.record) said.push('Sa fiche sera supprimée.');
	else if (plan.files.length > 0) said.push(`${named.charAt(0).toUpperCase()}${named.slice(1)} ${plan.files.length === 1 ? 'sera supprimée' : 'seront supprimées'}.`);
	said.push("Si une sauvegarde plus ancienne est restaurée, Jalons l'effacera de nouveau.");
	return said.join(' ');
}

/** What the chargé reads once a structure or a case is deleted. */
export function deletedText(name: string, found: string[]): string {
	const what = `Suppression de «\u00a0${name}\u00a0» terminée`;
	return found.length > 0 ? `${what} (${found.join(', ')}).` : `${what}.`;
}
