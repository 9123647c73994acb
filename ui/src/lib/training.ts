// The training action form works on TrainingActionInput (what the user types).
import type { TrainingAction, TrainingActionInput } from './bindings';
import { count, dateInput, hoursInput, moneyInput } from './format';

export function emptyTrainingAction(structureId: string): TrainingActionInput {
	return {
		structure_id: structureId,
		title: '',
		people: '',
		hours: '',
		cost: '',
		funding_requested: '',
		funding_obtained: '',
		over_confirmed: false,
		start_on: '',
		end_on: '',
		status: 'planned',
		note: ''
	};
}

export function trainingToInput(a: TrainingAction): TrainingActionInput {
	return {
		structure_id: a.structure_id,
		title: a.title,
		people: count(a.people),
		hours: hoursInput(a.hours),
		cost: moneyInput(a.cost),
		funding_requested: moneyInput(a.funding_requested),
		funding_obtained: moneyInput(a.funding_obtained),
		over_confirmed:
			a.funding_obtained !== null && a.funding_requested !== null && a.funding_obtained > a.funding_requested,
		start_on: dateInput(a.start_on),
		end_on: dateInput(a.end_on),
		status: a.status,
		note: a.note ?? ''
	};
}
