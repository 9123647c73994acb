import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NBSP, NNBSP, compare, count, ofParts, typography } from './french';

const visible = (s: string) => s.replaceAll(NBSP, '~').replaceAll(NNBSP, '^');

describe('French typography', () => {
	it.each([
		['Tout est prêt pour « Clôture ».', 'Tout est prêt pour «~Clôture~».'],
		['Indiquez le motif : « Non éligible ».', 'Indiquez le motif~: «~Non éligible~».'],
		['«Parcours»', '«~Parcours~»'],
		['Vraiment ? Oui ! Puis ; la suite', 'Vraiment^? Oui^! Puis^; la suite'],
		['à 10:30, voir https://exemple.fr', 'à 10:30, voir https://exemple.fr'],
		['Nouveau consultant...', 'Nouveau consultant…'],
		['Rien à changer.', 'Rien à changer.']
	])('%s', (raw, want) => {
		expect(visible(typography(raw))).toBe(want);
		expect(typography(typography(raw))).toBe(typography(raw));
	});

});

describe('counts', () => {
	it.each([
		[0, '0~salarié'],
		[1, '1~salarié'],
		[2, '2~salariés'],
		[1234, '1^234~salariés']
	])('%d', (n, want) => {
		expect(visible(count(n, 'salarié', 'salariés'))).toBe(want);
	});
});

describe('« de » before a name', () => {
	it.each([
		['Les Arts Buissonniers', 'des Arts Buissonniers'],
		['Le Petit Théâtre', 'du Petit Théâtre'],
		['La Fabrique', 'de la Fabrique'],
		["L'Atelier du Coin", "de l'Atelier du Coin"],
		['L’Usine', 'de l’Usine'],
		['Atelier des Possibles', "d'Atelier des Possibles"],
		['Ôde à la joie', "d'Ôde à la joie"],
		['Écume', "d'Écume"],
		['Compagnie du Sillon', 'de Compagnie du Sillon'],
		['Hautes Terres', 'de Hautes Terres'],
		['Lessive', 'de Lessive']
	])('%s', (name, want) => {
		expect(ofParts(name).join('')).toBe(want);
	});
});

describe('French order', () => {
	it('ignores accents and case', () => {
		const names = ['Région', 'État', 'Département', 'école', 'Europe', 'Commune'];
		expect(names.sort(compare)).toEqual(['Commune', 'Département', 'école', 'État', 'Europe', 'Région']);
	});
});

/** Every text a source file can show: template text, attribute values, string literals. */
function textsOf(file: string, source: string): string[] {
	const out: string[] = [];
	if (file.endsWith('.svelte')) {
		const walk = (node: unknown) => {
			if (Array.isArray(node)) return node.forEach(walk);
			if (!node || typeof node !== 'object') return;
			const n = node as Record<string, unknown>;
			if (n.type === 'StyleSheet') return;
			if (n.type === 'Text' && typeof n.data === 'string') out.push(n.data);
			if (n.type === 'Literal' && typeof n.value === 'string') out.push(n.value);
			if (n.type === 'TemplateElement') out.push((n.value as { cooked: string }).cooked);
			for (const [key, value] of Object.entries(n)) if (key !== 'parent') walk(value);
		};
		walk(parse(source, { modern: true }));
	} else {
		const visit = (node: ts.Node) => {
			if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) out.push(node.text);
			node.forEachChild(visit);
		};
		visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true));
	}
	return out;
}

/** A piece of text that ends on « or starts with » wants its no-break space there. */
function slip(text: string): boolean {
	return typography(text) !== text || /«$/.test(text) || /^»/.test(text);
}

/** Every source file of the UI but the tests, the generated types and the rules above. */
const sources = import.meta.glob(['../**/*.svelte', '../**/*.ts', '!../**/*.test.ts', '!./bindings.ts', '!./french.ts'], {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

/** The texts a Svelte template means to show with a space at their edge where the compiler
 * drops it: Svelte 5 trims the start of every fragment's first text and the end of its
 * last (an element's content, a block's body), so `<span> · {acronym}</span>` shows
 * « Nom· BCC ». Indentation (a line break first) is not meant to show. */
function droppedSpaces(source: string): string[] {
	const out: string[] = [];
	const walk = (node: unknown) => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		const n = node as Record<string, unknown>;
		if (n.type === 'StyleSheet' || n.type === 'Script') return;
		const fragment = n.type === 'Fragment' ? (n.nodes as { type: string; data?: string }[]) : null;
		if (fragment && fragment.length > 0) {
			const [first, last] = [fragment[0], fragment[fragment.length - 1]];
			if (first.type === 'Text' && /^[ \t]+\S/.test(first.data ?? '')) out.push(first.data ?? '');
			if (last.type === 'Text' && /\S[ \t]+$/.test(last.data ?? '')) out.push(last.data ?? '');
		}
		for (const [key, value] of Object.entries(n)) if (key !== 'parent') walk(value);
	};
	walk(parse(source, { modern: true }));
	return out;
}

/** Counts a file shows as they come (`{items.length}`, `${page.total}`): past 999, French
 * writes them with a space (« 1 666 »), which `number` and `count` give. */
function rawCounts(file: string, source: string): string[] {
	const out: string[] = [];
	if (!file.endsWith('.svelte')) {
		const visit = (node: ts.Node) => {
			if (ts.isTemplateSpan(node) && ts.isPropertyAccessExpression(node.expression)) {
				if (['length', 'total'].includes(node.expression.name.text)) out.push(node.expression.getText());
			}
			node.forEachChild(visit);
		};
		visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true));
		return out;
	}
	const isCount = (e: Record<string, unknown> | undefined) =>
		e?.type === 'MemberExpression' && ['length', 'total'].includes((e.property as { name?: string })?.name ?? '');
	const walk = (node: unknown) => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		const n = node as Record<string, unknown>;
		if (n.type === 'StyleSheet') return;
		if (n.type === 'Fragment') {
			for (const child of n.nodes as Record<string, unknown>[]) {
				const e = child.expression as Record<string, unknown> | undefined;
				if (child.type === 'ExpressionTag' && isCount(e)) out.push(source.slice(e!.start as number, e!.end as number));
			}
		}
		if (n.type === 'TemplateLiteral') {
			for (const e of n.expressions as Record<string, unknown>[]) {
				if (isCount(e)) out.push(source.slice(e.start as number, e.end as number));
			}
		}
		for (const [key, value] of Object.entries(n)) if (key !== 'parent') walk(value);
	};
	walk(parse(source, { modern: true }));
	return out;
}

describe('the UI’s own texts', () => {
	it('show counts as French numbers', () => {
		const raw = Object.entries(sources).flatMap(([file, source]) => rawCounts(file, source).map((t) => `${file}: ${t}`));
		expect(raw).toEqual([]);
	});

	it('keep the spaces they show at the edge of an element or a block', () => {
		const dropped = Object.entries(sources)
			.filter(([file]) => file.endsWith('.svelte'))
			.flatMap(([file, source]) => droppedSpaces(source).map((t) => `${file}: ${JSON.stringify(t)}`));
		expect(dropped).toEqual([]);
	});

	it('are written with French typography (no-break spaces, « … »)', () => {
		expect(Object.keys(sources).length).toBeGreaterThan(50);
		const slips = Object.entries(sources).flatMap(([file, source]) =>
			textsOf(file, source)
				.filter(slip)
				.map((t) => `${file}: ${JSON.stringify(t)}`)
		);
		expect(slips).toEqual([]);
	});
});
