// Sync as Svelte islands see it: a reactive `syncState` and the calls of the "Verder" page, over
// the plain runtime in server-sync.ts. Importing this file loads and starts that runtime: only
// pages with a Svelte island do (text pages queue changes on the device, see browser.ts).
import { loadSync, onSync } from './browser';
import type { SyncState } from './server-sync';

export type { DeleteResult } from './progress';
export type { CallResult, SyncHost, SyncState } from './server-sync';

/** What the page shows of sync; follows the plain runtime once it is loaded. */
export const syncState = $state<SyncState>({ enabled: null, pending: 0, saveState: '' });
onSync((s) => Object.assign(syncState, s));
const runtime = loadSync();

export const syncReady = runtime.then((s) => s.ready);
export const flushQueue = () => runtime.then((s) => s.flushQueue());
export const deleteServerCopy = () => runtime.then((s) => s.deleteCopy());
export const createCode = () => runtime.then((s) => s.createCode());
export const redeemCode = (code: string) => runtime.then((s) => s.redeemCode(code));
