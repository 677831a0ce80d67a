// Sync as Svelte islands see it: a reactive `syncState` and the calls of the "Verder" page, over
// the plain runtime in server-sync.ts (which the text pages use without Svelte).
import { serverSync } from './browser';
import type { SyncState } from './server-sync';

export type { DeleteResult } from './progress';
export type { CallResult, SyncHost, SyncState } from './server-sync';

/** What the page shows of sync; follows the plain runtime. */
export const syncState = $state<SyncState>({ ...serverSync.get() });
serverSync.subscribe((s) => Object.assign(syncState, s));

export const syncReady = serverSync.ready;
export const flushQueue = () => serverSync.flushQueue();
export const deleteServerCopy = () => serverSync.deleteCopy();
export const createCode = () => serverSync.createCode();
export const redeemCode = (code: string) => serverSync.redeemCode(code);
