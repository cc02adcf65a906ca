/**
 * The service worker (vite-plugin-pwa, Workbox precache of the built app): registered once at
 * start-up, in production builds only. A new deployment installs in the background and waits;
 * `usePwaUpdate()` tells the shell so it can offer "update available" (UpdatePrompt), and the
 * page reloads into the new version only when the person says so, never under their edits.
 */
/// <reference types="vite-plugin-pwa/client" />
import { useSyncExternalStore } from 'react';
import { createEmitter } from '../model/observable';

export interface PwaState {
  /** A new version is installed and waiting for the person's go-ahead. */
  readonly needRefresh: boolean;
  /** The app shell is cached: it opens with no network from now on. */
  readonly offlineReady: boolean;
}

let state: PwaState = { needRefresh: false, offlineReady: false };
const changed = createEmitter();
let updateSW: ((reloadPage?: boolean) => Promise<void>) | null = null;
let registering: Promise<void> | null = null;

function set(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  changed.notify();
}

/** Registers the service worker (once, however often called). No-op in dev and without support. */
export function registerPwa(): Promise<void> {
  registering ??= register();
  return registering;
}

async function register(): Promise<void> {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  const { registerSW } = await import('virtual:pwa-register');
  updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () => set({ offlineReady: true }),
    onRegisterError: (err: unknown) => console.warn('pwa: service worker registration failed', err),
  });
}

export const pwaStore = {
  subscribe: changed.subscribe,
  getSnapshot: (): PwaState => state,
  /** Activates the waiting version and reloads the page into it. */
  update(): void {
    void updateSW?.(true);
  },
  /** Hides the prompt; the new version starts with the next visit. */
  dismiss(): void {
    set({ needRefresh: false });
  },
};

/** The service worker's state, for the shell's update prompt. */
export function usePwaUpdate(): PwaState & { update(): void; dismiss(): void } {
  const s = useSyncExternalStore(pwaStore.subscribe, pwaStore.getSnapshot);
  return { ...s, update: pwaStore.update, dismiss: pwaStore.dismiss };
}
