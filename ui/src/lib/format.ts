// French display of the core's values: money in cents, ETP in hundredths, ISO dates.
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const eurosRound = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const dateFr = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

export function money(cents: number | null | undefined, round = false): string {
	if (cents === null || cents === undefined) return '—';
	return (round ? eurosRound : euros).format(cents / 100);
}

export function etp(hundredths: number | null | undefined): string {
	if (hundredths === null || hundredths === undefined) return '—';
	return decimal.format(hundredths / 100);
}

/** Training hours are hundredths too: `350` → `3,5`. */
export const hours = etp;

/** `2026-11-25` → `25/11/2026`, read as a calendar date whatever the time zone. */
export function date(iso: string | null | undefined): string {
	if (!iso) return '—';
	const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
	return dateFr.format(new Date(y, m - 1, d));
}

export function dateTime(iso: string): string {
	return dateTimeFr.format(new Date(iso));
}

/** A file's size: `532 o`, `48 Ko`, `12,5 Mo`, `1,2 Go`. */
export function bytes(n: number): string {
	if (n < 1024) return `${n}\u00a0o`;
	const units = ['Ko', 'Mo', 'Go'];
	let value = n / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	const digits = unit === 0 ? 0 : 1;
	return `${value.toLocaleString('fr-FR', { maximumFractionDigits: digits })}\u00a0${units[unit]}`;
}

/** Values as the form shows them for editing: `1250050` → `12 500,50`. */
export function moneyInput(cents: number | null | undefined): string {
	if (cents === null || cents === undefined) return '';
	return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(cents / 100);
}

export function etpInput(hundredths: number | null | undefined): string {
	if (hundredths === null || hundredths === undefined) return '';
	return decimal.format(hundredths / 100);
}

export const hoursInput = etpInput;

/** Shares are hundredths of a percent: `2550` → `25,5 %`; the form types `25,5`. */
export function share(hundredths: number | null | undefined): string {
	return hundredths === null || hundredths === undefined ? '—' : `${decimal.format(hundredths / 100)}\u00a0%`;
}

export const shareInput = etpInput;

export function count(n: number | null | undefined): string {
	return n === null || n === undefined ? '' : String(n);
}

/** Today as a date field shows it: `25/11/2026`. */
export function today(): string {
	const d = new Date();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Today as the core stores dates: `2026-11-25`, in local time. */
export function todayIso(): string {
	const d = new Date();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** What a date field holds, as the core stores it: `5/3/2026` → `2026-03-05`; null when it
 * is not a whole date yet (the core says why on saving). */
export function isoOfInput(typed: string): string | null {
	const t = typed.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
	const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
	return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

/** A stored date as a date field shows it: `2026-11-25` → `25/11/2026`; null → ''. */
export function dateInput(iso: string | null | undefined): string {
	return iso ? date(iso) : '';
}

/** `732829320` → `732 829 320`. */
export function siren(s: string | null | undefined): string {
	if (!s) return '—';
	return s.length === 9 ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}` : s;
}

/** `73282932000074` → `732 829 320 00074`, as printed on Kbis and INSEE notices. */
export function siret(s: string | null | undefined): string {
	if (!s) return '—';
	return s.length === 14 ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}` : s;
}
