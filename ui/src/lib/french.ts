// French as users read it, the same rules as the core's `french.rs`: typography, counts
// with their plural, alphabetical order; and « de » before a name. `french.test.ts` also reads
// every source file of the UI and fails on a text written without its no-break spaces.

/** Inside « » and before « : ». */
export const NBSP = '\u00a0';
/** Before « ; », « ! » and « ? », and between thousands. */
export const NNBSP = '\u202f';

const spaces = '[ \u00a0\u202f]+';

/**
 * Puts the no-break spaces French typography wants: inside « » (added when missing),
 * before « : » and before « ; ! ? » (narrow), where the text has a space; three dots
 * become « … ». A colon with no space before it (10:30, https://) is left alone.
 */
export function typography(text: string): string {
	return text
		.replace(/\.\.\./g, '…')
		.replace(new RegExp(`${spaces}(?=[:»])`, 'g'), NBSP)
		.replace(new RegExp(`${spaces}(?=[;!?])`, 'g'), NNBSP)
		.replace(new RegExp(`«(?:${spaces}|(?=\\S))`, 'g'), `«${NBSP}`)
		.replace(/(?<=\S)»/g, `${NBSP}»`);
}

const integers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const plurals = new Intl.PluralRules('fr-FR');

/** `1 234`: thousands set apart by a narrow no-break space. */
export function number(n: number): string {
	return integers.format(n);
}

/** The singular or the plural for `n`: in French, 0 and 1 take the singular. */
export function plural(n: number, one: string, many: string): string {
	return plurals.select(n) === 'one' ? one : many;
}

/** `0 salarié`, `1 salarié`, `2 salariés`, `1 234 salariés`, on one line. */
export function count(n: number, one: string, many: string): string {
	return `${number(n)}${NBSP}${plural(n, one, many)}`;
}

const vowel = /^[aeiouàâäéèêëîïôöùûüœæ]/i;

/**
 * `de` before a name, contracted and elided, in two parts: the words put before it and the
 * name as it then reads. `['des ', 'Arts Buissonniers']`, `['du ', 'Petit Théâtre']`,
 * `['de la ', 'Fabrique']`, `["de l'", 'Atelier']`, `["d'", 'Ôde à la joie']`,
 * `['de ', 'Compagnie X']`. An « h » is left as written: whether it elides depends on the
 * word.
 */
export function ofParts(name: string): [string, string] {
	const n = name.trim();
	const [first, ...others] = n.split(' ');
	const rest = others.join(' ');
	const article = first.toLocaleLowerCase('fr-FR');
	if (rest && article === 'les') return ['des ', rest];
	if (rest && article === 'le') return ['du ', rest];
	if (rest && article === 'la') return ['de la ', rest];
	if (/^[Ll]['’]/.test(n)) return [`de l${n[1]}`, n.slice(2)];
	return vowel.test(n) ? ["d'", n] : ['de ', n];
}

/** `de` before a person's name, elided before a vowel: `d'Awa Diallo`, `de Jean Morel`,
 * `de Le Goff` (a surname keeps its article). Same rule as `of_person` in french.rs. */
export function ofPerson(name: string): string {
	const n = name.trim();
	return vowel.test(n) ? `d'${n}` : `de ${n}`;
}

const collator = new Intl.Collator('fr-FR', { sensitivity: 'base', numeric: true });

/** Alphabetical order as a French reader expects it: accents and case do not count. */
export function compare(a: string, b: string): number {
	return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
