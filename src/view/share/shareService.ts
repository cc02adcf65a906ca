/**
 * What the share dialog needs from the app, injected through context by the app shell
 * (src/app/EditorRoute.tsx): the view layer never imports src/app/. The dialog renders
 * nothing when no service is provided (pages that show the editor without a server).
 */
import { createContext, useContext } from 'react';

export interface ShareLinks {
  /** Link that lets its holder edit; absent when this browser only has a view token. */
  readonly edit?: string;
  readonly view: string;
}

/** Why sharing failed, for a translated message (share.json `error.<code>`). */
export type ShareFailureCode = 'unreachable' | 'taken' | 'server' | 'noEntry';

export interface ShareService {
  /**
   * Registers the map on the server (once) and returns its links. Rejects with an Error whose
   * `code` is a ShareFailureCode when it knows why.
   */
  linksFor(mapId: string): Promise<ShareLinks>;
}

export const ShareServiceContext = createContext<ShareService | null>(null);

export function useShareService(): ShareService | null {
  return useContext(ShareServiceContext);
}

const CODES: readonly string[] = [
  'unreachable',
  'taken',
  'server',
  'noEntry',
] satisfies ShareFailureCode[];

/** The failure code an error carries, 'server' when it carries none we know. */
export function failureCodeOf(err: unknown): ShareFailureCode {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CODES.includes(code) ? (code as ShareFailureCode) : 'server';
}
