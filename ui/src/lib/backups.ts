// The French reading of backups: when, what each holds.
import type { BackupInfo, Holding } from './bindings';
import * as fmt from './format';
import * as french from './french';

/** `2026-12-01T09:30:12` (local time) → `01/12/2026 à 09:30`. */
export function takenAt(b: BackupInfo): string {
	return `${fmt.date(b.taken_at)} à ${b.taken_at.slice(11, 16)}`;
}

const counted = (n: number, none: string, one: string, many: string) =>
	n === 0 ? none : french.count(n, one, many);

/** « 12 structures, 3 accompagnements », « aucune structure, aucun accompagnement » */
export function holdingText(h: Holding | null): string {
	if (!h) return 'illisible';
	return `${counted(h.structures, 'aucune structure', 'structure', 'structures')}, ${counted(h.cases, 'aucun accompagnement', 'accompagnement', 'accompagnements')}`;
}

/** « modifiée le 01/12/2026 à 09:28 », from the audit trail's last entry. */
export function lastChangeText(h: Holding | null): string {
	if (!h?.last_change) return '';
	return `dernière modification le ${fmt.dateTime(h.last_change).replace(' ', ' à ')}`;
}
