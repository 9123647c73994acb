// The solidarity finance form works on FinanceInput (what the user types).
import type { FinanceApplication, FinanceInput } from './bindings';
import { dateInput, moneyInput } from './format';

export function emptyFinance(caseId: string): FinanceInput {
	return {
		case_id: caseId,
		tool: '',
		body: '',
		amount_requested: '',
		amount_obtained: '',
		over_confirmed: false,
		submitted_on: '',
		decision_date: '',
		status: 'preparing',
		note: ''
	};
}

export function financeToInput(a: FinanceApplication): FinanceInput {
	return {
		case_id: a.case_id,
		tool: a.tool,
		body: a.body ?? '',
		amount_requested: moneyInput(a.amount_requested),
		amount_obtained: moneyInput(a.amount_obtained),
		over_confirmed: a.amount_obtained !== null && a.amount_obtained > a.amount_requested,
		submitted_on: dateInput(a.submitted_on),
		decision_date: dateInput(a.decision_date),
		status: a.status,
		note: a.note ?? ''
	};
}
