// The follow-up form works on FollowUpInput (what the user types); this converts to it.
import type { FollowUp, FollowUpInput } from './bindings';
import { count, dateInput, etpInput } from './format';

export function followUpToInput(f: FollowUp): FollowUpInput {
	const r = f.record;
	return {
		done_on: r ? dateInput(r.done_on) : '',
		headcount: count(r?.headcount),
		etp: etpInput(r?.etp),
		appropriation: r ? String(r.appropriation) : '',
		new_needs: r?.new_needs ?? '',
		jobs: r?.jobs ?? '',
		economic: r?.economic ?? '',
		strategy: r?.strategy ?? '',
		partnerships: r?.partnerships ?? '',
		outcome: r?.outcome ?? ''
	};
}
