// Regenerates the dated territorial reference in assets/reference/ from the INSEE COG
// as packaged by @etalab/decoupage-administratif. Run from a folder where that package
// is installed:
//   npm install @etalab/decoupage-administratif@6.0.0 && node path/to/scripts/build-reference.mjs path/to/assets/reference
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));
const pkg = '@etalab/decoupage-administratif';
const version = require(`${pkg}/package.json`).version;
const communes = require(`${pkg}/data/communes.json`);
const epcis = require(`${pkg}/data/epci.json`);
const departements = require(`${pkg}/data/departements.json`);
const regions = require(`${pkg}/data/regions.json`);
const out = process.argv[2] ?? 'assets/reference';

const header = (cols) =>
	`# source: COG INSEE 2026 (${pkg} ${version})\n${cols.join('\t')}\n`;

const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

const communeRows = communes
	.filter((c) => c.type === 'commune-actuelle')
	.map((c) =>
		[c.code, c.nom, c.departement, c.region, epciOf.get(c.code) ?? '', (c.codesPostaux ?? []).join(','), c.population ?? ''].join('\t')
	);
writeFileSync(
	join(out, 'communes.tsv'),
	header(['code', 'nom', 'departement', 'region', 'epci', 'codes_postaux', 'population']) + communeRows.join('\n') + '\n'
);
writeFileSync(
	join(out, 'epci.tsv'),
	header(['siren', 'nom', 'type']) + epcis.map((e) => [e.code, e.nom, e.type].join('\t')).join('\n') + '\n'
);
writeFileSync(
	join(out, 'departements.tsv'),
	header(['code', 'nom', 'region']) + departements.map((d) => [d.code, d.nom, d.region].join('\t')).join('\n') + '\n'
);
writeFileSync(
	join(out, 'regions.tsv'),
	header(['code', 'nom']) + regions.map((r) => [r.code, r.nom].join('\t')).join('\n') + '\n'
);
console.log(`${communeRows.length} communes, ${epcis.length} EPCI written to ${out}`);
