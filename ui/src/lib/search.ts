// Where a search result leads.
import type { SearchHit } from './bindings';

export function hitHref(hit: SearchHit): string {
	switch (hit.target) {
		case 'structure':
			return `#/structures/${hit.target_id}`;
		case 'case':
			return `#/cases/${hit.target_id}`;
		case 'engagement':
			return `#/engagements/${hit.target_id}`;
		case 'consultant':
			return `#/consultants/${hit.target_id}`;
	}
}
