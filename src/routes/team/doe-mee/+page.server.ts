import { stringsFor } from '$lib/islands/island-strings.server';

export const load = () => ({ strings: stringsFor('team-join') });
