// The cooperation form works on CooperationInput (what the user types); these convert to it.
import type { CooperationInput, CooperationProject } from './bindings';
import { dateInput } from './format';

/** A new project; a structure starting it is its first member, with a second to choose. */
export function emptyCooperation(structureId = ''): CooperationInput {
	return {
		name: '',
		kind: '',
		stage: 'idea',
		started_on: '',
		territory: '',
		notes: '',
		members: [
			{ structure_id: structureId, role: structureId ? 'Porteur' : '' },
			{ structure_id: '', role: '' }
		]
	};
}

export function cooperationToInput(p: CooperationProject): CooperationInput {
	return {
		name: p.name,
		kind: p.kind,
		stage: p.stage,
		started_on: dateInput(p.started_on),
		territory: p.territory ?? '',
		notes: p.notes ?? '',
		members: p.members.map((m) => ({ structure_id: m.structure_id, role: m.role ?? '' }))
	};
}
