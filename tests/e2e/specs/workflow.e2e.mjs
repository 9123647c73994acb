// A whole accompaniment through the real app: from the request to the closing, with a
// refused move, a step back, an ingénierie from terms of reference to final report, the
// follow-up, and the timeline that tells it all after a restart.
import { expect } from '@wdio/globals';
import { choose, click, field, fill, firstStart, heading } from '../helpers.mjs';

const today = new Date().toLocaleDateString('fr-FR');

/** Opens a move from the case page's "Pour avancer" panel, dated today: the date is left
 * empty on purpose, and the user says it is today. */
async function openMove(button) {
	await click(button);
	const dialog = await $('[role="dialog"]');
	await dialog.waitForDisplayed();
	await (await dialog.$("button=Aujourd'hui")).click();
}

/** A move, opened and confirmed. */
async function move(button, { comment } = {}) {
	await openMove(button);
	if (comment) await fill('Commentaire', comment);
	await click('Valider le changement');
}

async function expectStage(label) {
	await expect($('.stage-box')).toHaveText(expect.stringContaining(label));
}

/** Picks a score in the diagnostic grid: the radio is drawn by its label. */
async function score(domain, value) {
	const id = value === 0 ? `f-diagnostic.scores.${domain}.score` : `f-diagnostic.scores.${domain}.score-${value}`;
	await $(`[id="${id}"]`).parentElement().click();
}

describe('Un accompagnement de l’accueil à la clôture', () => {
	it('records a consultant in the registry and a funder line in the settings', async () => {
		await firstStart('Camille Martin');
		await click('Consultants');
		await heading('Consultants');
		await click('Ajouter un consultant');
		await heading('Nouveau consultant');
		await fill('Nom', 'Claire Fontaine');
		await fill('Structure ou cabinet', 'Coop Conseil');
		await fill('Prix de journée HT (€)', '650');
		await $('//label[normalize-space(.)="Modèle économique"]/input').click();
		await click('Enregistrer le consultant');
		await heading('Claire Fontaine');
		await click('Consultants');
		await expect($('tbody')).toHaveText(expect.stringContaining('650,00'));

		await click('Paramètres');
		await heading('Paramètres');
		await click('Ajouter une ligne');
		await fill('Financeur', 'État (DREETS)');
		await fill('Programme ou convention', 'Convention DLA 2026');
		await fill('Début de la période', '01/01/2026');
		await fill('Fin de la période', '31/12/2025');
		await click('Ajouter la ligne');
		await expect(await field('Fin de la période')).toHaveAttribute('aria-invalid', 'true');
		await fill('Fin de la période', '31/12/2026');
		await click('Ajouter la ligne');
		await expect($('tbody')).toHaveText(expect.stringContaining('État (DREETS) — Convention DLA 2026'));
	});

	it('opens a case for a new structure', async () => {
		await click('Structures');
		await click('Nouvelle structure');
		await fill('Nom de la structure', 'Compagnie du Sillon');
		await fill('Salariés en CDI', '3');
		await fill('ETP', '2,5');
		await click('Ajouter un contact');
		await $('[id="f-contacts.0.name"]').setValue('Awa Diallo');
		await click('Enregistrer');
		await heading('Compagnie du Sillon');
		await click('Ouvrir un accompagnement');
		await choose('Canal de la demande', 'Téléphone');
		await fill('Demande portée par', 'Awa Diallo, présidente');
		await choose('Comment la structure a connu le DLA', 'CRESS');
		await fill('Demande initiale', 'Consolider le poste d’administratrice.');
		await click("Ouvrir l'accompagnement");
		await heading('Accompagnement');
		await expectStage('Accueil');
		await click('Modifier les financeurs');
		await $('//label[contains(., "État (DREETS)")]/input').click();
		await fill('Part prise en charge (%)', '120');
		await click('Enregistrer les financeurs');
		await expect(await field('Part prise en charge (%)')).toHaveAttribute('aria-invalid', 'true');
		await fill('Part prise en charge (%)', '60');
		await click('Enregistrer les financeurs');
		await expect($('.funders')).toHaveText(expect.stringMatching(/État \(DREETS\) — Convention DLA 2026\s\(60\s%\)/));
	});

	it('starts the diagnostic, and refuses the parcours until it is validated', async () => {
		await move('Démarrer le diagnostic');
		await expectStage('Diagnostic partagé');
		await expect($('.next')).toHaveText(expect.stringContaining('Notez les 11 domaines du diagnostic (0 sur 11 notés).'));

		await openMove('Passer au parcours');
		await click('Valider le changement');
		const refusal = await $('#move-error');
		await expect(refusal).toHaveText(expect.stringContaining('Enregistrez au moins un entretien du diagnostic.'));
		await click('Annuler');
		await expectStage('Diagnostic partagé');
	});

	it('scores the eleven domains and records the validation', async () => {
		await click('Ajouter un entretien');
		await (await $('[role="group"][aria-label="Entretien 1"]').$("button=Aujourd'hui")).click();
		// The structure's contact is ticked; someone else met is typed.
		await $('//label[contains(., "Awa Diallo")]/input').click();
		await fill('Autres personnes rencontrées', 'Léo Petit (trésorier)');
		await fill("Notes de l'entretien", 'Budget 2025 présenté ; trésorerie tendue jusqu’en mars.');
		for (let d = 0; d < 11; d++) await score(d, d % 4);
		await $('[id="f-diagnostic.scores.4.finding"]').setValue('78 % de subventions, une seule collectivité.');
		await $('[id="f-diagnostic.scores.4.priority"]').click();
		await fill('Problématique', 'Un modèle économique trop dépendant d’un seul financeur.');
		await fill('Préconisations', 'Diversifier les ressources ; structurer la fonction employeur.');
		await click('Enregistrer le diagnostic');
		await expect($('//p[normalize-space(.)="Diagnostic enregistré."]')).toBeDisplayed();
		await expect($('.next')).toHaveText(expect.stringContaining('doit être validé par les instances'));

		await fill('Validé par les instances le', today);
		await click('Enregistrer le diagnostic');
		await expect($('.next')).toHaveText(expect.stringMatching(/Tout est prêt pour «\sParcours d'accompagnement\s»/));
	});

	it('moves to the parcours, steps back with a comment, and moves on again', async () => {
		await move('Passer au parcours');
		await expectStage('Parcours d');
		await openMove('Revenir à «\u00a0Diagnostic partagé\u00a0»');
		await click('Valider le changement');
		await expect($('#f-comment-error')).toHaveText('Expliquez en commentaire pourquoi revenir à une étape précédente.');
		await fill('Commentaire', 'Le bureau veut revoir la note de gouvernance.');
		await click('Valider le changement');
		await expectStage('Diagnostic partagé');
		await move('Passer au parcours');
		await expectStage('Parcours d');
	});

	it('builds and validates the parcours', async () => {
		await fill("Intitulé de l'axe 1", 'Consolider le modèle économique');
		await fill('Action', 'Ingénierie sur le budget à trois ans');
		await choose("Type d'action", 'Ingénierie DLA');
		await choose('Thème', 'Modèle économique');
		await click("Ajouter une action à l'axe 1");
		await $('[id="f-plan.axes.0.actions.1.description"]').setValue('Réunir le bureau sur le budget');
		await $('[id="f-plan.axes.0.actions.1.theme"]').selectByVisibleText('Gouvernance et bénévolat');
		await $('[id="f-plan.axes.0.actions.1.status"]').selectByVisibleText('En cours');
		await fill('Parcours validé par la structure le', today);
		await click('Enregistrer le parcours');
		await expect($('//p[normalize-space(.)="Parcours enregistré."]')).toBeDisplayed();
		await expect($('.next')).toHaveText(expect.stringContaining("Créez l'ingénierie à mettre en œuvre"));
		// The plan holds an ingénierie: « Suivi » is not offered as ready past it.
		await expect($('.next')).toHaveText(expect.stringMatching(/Le parcours prévoit une ingénierie DLA\s: passez d'abord par «\sMise en œuvre\s»/));
		await expect($('.next .btn-primary')).not.toBeExisting();
	});

	it('carries an ingénierie, created from its action, from terms of reference to final report', async () => {
		await click("Créer l'ingénierie de cette action");
		await heading('Nouvelle ingénierie');
		await expect(await field('Intitulé')).toHaveValue('Ingénierie sur le budget à trois ans');
		await fill('Intitulé', 'Budget à trois ans et diversification des ressources');
		await click('Ajouter une offre');
		await choose('Consultant consulté 1', 'Claire Fontaine (Coop Conseil)');
		await fill('Offre HT (€)', '1 950');
		await fill('Note /20', '16');
		// A second consultant, created in a dialog: the form underneath stays as it was.
		await click('Nouveau consultant…');
		const dialog = await $('[role="dialog"]');
		await dialog.waitForDisplayed();
		await (await dialog.$('input[id="f-name"]')).setValue('Marc Lefèvre');
		await (await dialog.$('button=Enregistrer le consultant')).click();
		await dialog.waitForExist({ reverse: true });
		await expect($('[role="status"]')).toHaveText(expect.stringContaining('Marc Lefèvre'));
		await expect(await field('Consultant consulté 2')).toHaveValue(expect.stringMatching(/.+/));
		await expect(await field('Intitulé')).toHaveValue('Budget à trois ans et diversification des ressources');
		await expect(await field('Offre HT (€)')).toHaveValue('1 950');
		await choose('Consultant·e retenu·e', 'Claire Fontaine (Coop Conseil)');
		await expect(await field('Prix de journée HT (€)')).toHaveValue('650');
		await fill('Jours', '3');
		await choose('Ligne de financement', 'État (DREETS) — Convention DLA 2026');
		for (const label of [
			'Cahier des charges rédigé le',
			'Consultants consultés le',
			'Consultant·e retenu·e (décision) le',
			'Démarrage le',
			'Restitution le',
			'Rapport final reçu le'
		]) {
			await fill(label, today);
		}
		await fill("Résultats (d'après le rapport final)", 'Un budget prévisionnel à trois ans adopté en bureau.');
		await click("Créer l'ingénierie");

		await heading('Budget à trois ans');
		await expect($('.head')).toHaveText(expect.stringContaining('Rapport final reçu'));
		await expect($('.cost')).toHaveText(expect.stringMatching(/1\s950,00\s€ HT/));
		await expect($('.cost')).toHaveText(expect.stringMatching(/2\s340,00\s€ TTC/));
	});

	it('goes through the implementation to the follow-up', async () => {
		// From the ingénierie, the case's reference leads back to the case.
		await click(`${new Date().getFullYear()}-001`);
		await heading('Accompagnement');
		// The plan's action follows its ingénierie.
		await $('//*[@role="tab"][contains(., "Parcours")]').click();
		await expect($('[id="plan-axes.0.actions.0-derived"]')).toHaveText(expect.stringMatching(/Réalisée, d'après l'ingénierie/));
		await move('Passer à la mise en œuvre');
		await expectStage('Mise en œuvre');
		await move('Passer au suivi');
		await expectStage('Suivi');
		await expect($('.next')).toHaveText(expect.stringContaining('Enregistrez le suivi'));
	});

	it('records the follow-up and closes the case', async () => {
		await expect(await field('ETP au suivi').then((f) => f.$('..'))).toHaveText(expect.stringMatching(/Au diagnostic\s: 2,5/));
		await fill('Date du suivi', today);
		await fill('Effectif au suivi', '4');
		await fill('ETP au suivi', '3');
		await choose('Emplois', '+ En progrès');
		await choose('Santé économique et financière', '+ En progrès');
		await choose('Vision stratégique', '= Stable');
		await choose('Partenariats locaux', '+ En progrès');
		await choose('Appropriation des préconisations', '3 – Pleinement appropriées');
		await fill("Bilan de l'accompagnement", 'Poste d’administratrice consolidé en CDI.');
		await click('Enregistrer le suivi');
		await expect($('//p[normalize-space(.)="Suivi enregistré."]')).toBeDisplayed();
		// The internal action is still under way: the dialog says so and asks.
		await openMove("Clôturer l'accompagnement");
		await expect($('.left-open')).toHaveText(expect.stringMatching(/Une action du parcours reste ouverte\s:/));
		await expect($('.left-open')).toHaveText(expect.stringContaining('Réunir le bureau sur le budget'));
		await click('Valider le changement');
		await expect($('#f-leave_open-error')).toBeDisplayed();
		await $('//label[contains(., "Clôturer en laissant cette action ouverte")]/input').click();
		await click('Valider le changement');
		await expectStage('Clôture');
		await expect($('.next')).toHaveText(expect.stringContaining(`Clôturé le ${today}`));
		// Read only, every edit control with it: the core says which parts the stage opens.
		await $('//*[@role="tab"][normalize-space(.)="Demande"]').click();
		await expect($('.readonly-note')).toHaveText(expect.stringContaining('lecture seule'));
		await expect($('button=Modifier les financeurs')).not.toBeExisting();
		// The interview reads in full on the closed case.
		await $('//*[@role="tab"][contains(., "Diagnostic")]').click();
		const interview = await $('article[aria-label="Entretien 1"]');
		await expect(interview).toHaveText(expect.stringMatching(/Awa Diallo \(Président·e\), Léo Petit \(trésorier\)/));
		await expect(interview).toHaveText(expect.stringContaining('trésorerie tendue jusqu’en mars'));
	});

	it('tells every step with its date in the timeline, after a restart too', async () => {
		await browser.reloadSession();
		await heading('Mes accompagnements');
		await click('Terminés 1');
		await click(`${new Date().getFullYear()}-001`);
		await heading('Accompagnement');
		await expectStage('Clôture');
		const entries = await browser.execute(() =>
			[...document.querySelectorAll('.timeline li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim())
		);
		const steps = [
			'Accompagnement clôturé',
			'Suivi',
			'Mise en œuvre',
			"Parcours d'accompagnement",
			'Diagnostic partagé',
			"Parcours d'accompagnement",
			'Diagnostic partagé',
			'Demande reçue'
		];
		expect(entries).toHaveLength(steps.length);
		steps.forEach((step, i) => {
			expect(entries[i]).toContain(today);
			expect(entries[i]).toContain(step);
		});
		expect(entries[2]).toContain('Camille Martin');
		const back = entries.find((e) => e.includes('Retour à'));
		expect(back).toContain('Le bureau veut revoir la note de gouvernance.');
	});
});
