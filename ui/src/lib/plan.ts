// The parcours form works on PlanInput (what the user types); these convert to it.
import type { ActionInput, AxisInput, Plan, PlanInput } from './bindings';
import { dateInput } from './format';

export function planToInput(p: Plan): PlanInput {
	return {
		axes: p.axes.map((a) => ({
			title: a.title,
			actions: a.actions.map((x) => ({
				id: x.id,
				kind: x.kind,
				description: x.description,
				theme: x.theme,
				partner: x.partner ?? '',
				due_date: dateInput(x.due_date),
				status: x.status,
				engagement_id: x.engagement_id ?? ''
			}))
		})),
		committee_date: dateInput(p.committee_date),
		committee_opinion: p.committee_opinion ?? '',
		validated_on: dateInput(p.validated_on)
	};
}

export function emptyAction(): ActionInput {
	return { id: '', kind: 'internal', description: '', theme: '', partner: '', due_date: '', status: 'planned', engagement_id: '' };
}

export function emptyAxis(): AxisInput {
	return { title: '', actions: [emptyAction()] };
}
