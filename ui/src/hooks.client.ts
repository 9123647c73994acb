// The first script SvelteKit runs: the session is asked for here, while the first screen's
// code is still loading, rather than once the layout is drawn after it. The layout shows
// what comes of it (an error included).
import { sessionAtStart } from '$lib/session.svelte';

sessionAtStart().catch(() => undefined);
