// Where a search hit or an agenda item leads.
import type { TargetKind } from './bindings';

export function targetHref(item: { target: TargetKind; target_id: string }): string {
	switch (item.target) {
		case 'structure':
			return `#/structures/${item.target_id}`;
		case 'case':
			return `#/cases/${item.target_id}`;
		case 'engagement':
			return `#/engagements/${item.target_id}`;
		case 'consultant':
			return `#/consultants/${item.target_id}`;
	}
}
