/**
 * What the share dialog needs from the app, injected through context by the app shell
 * (src/app/EditorRoute.tsx): the view layer never imports src/app/. The dialog renders
 * nothing when no service is provided (pages that show the editor without a server).
 */
import { createContext, useContext } from 'react';

/**
 * The links this browser can give, each lets its holder do what the server allows that role:
 * an editor has all three; a person who opened a review link has the review link (and the view
 * link if they also opened one); one who opened a view link, the view link. At least one of
 * `review` and `view` is always there (app/sharing.ts shareLinks).
 */
export interface ShareLinks {
  /** Lets its holder change the map (and comment). */
  readonly edit?: string;
  /** Lets its holder read the map live and comment, not change it. */
  readonly review?: string;
  /** Lets its holder read the map live, nothing more. */
  readonly view?: string;
}

/** The links in the order the dialog shows them. */
export const LINK_KINDS = ['edit', 'review', 'view'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Why sharing failed, for a translated message (share.json `error.<code>`). */
export type ShareFailureCode =
  'unreachable' | 'taken' | 'deleted' | 'server' | 'noEntry' | 'revoked';

export interface ShareService {
  /**
   * Registers the map on the server (once) and returns its links. Rejects with an Error whose
   * `code` is a ShareFailureCode when it knows why.
   */
  linksFor(mapId: string): Promise<ShareLinks>;
  /**
   * Revokes the `kind` link (the server refuses it from now on, its open connections are
   * closed) and returns the links with a new one in its place. Editors only; rejects like
   * linksFor.
   */
  revoke(mapId: string, kind: LinkKind): Promise<ShareLinks>;
}

export const ShareServiceContext = createContext<ShareService | null>(null);

export function useShareService(): ShareService | null {
  return useContext(ShareServiceContext);
}

const CODES: readonly string[] = [
  'unreachable',
  'taken',
  'deleted',
  'server',
  'noEntry',
  'revoked',
] satisfies ShareFailureCode[];

/** The failure code an error carries, 'server' when it carries none we know. */
export function failureCodeOf(err: unknown): ShareFailureCode {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CODES.includes(code) ? (code as ShareFailureCode) : 'server';
}
