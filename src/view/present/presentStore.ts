/**
 * Present mode's state for one open map, shared by the Present button (which shows the
 * presentation) and the "is presenting" banner (which starts following), wherever the editor
 * places them: one store per session, found by the session object, so they need no provider.
 *
 * - closed: not presenting;
 * - presenting: I show the slides myself (`follow` asks the room to follow me);
 * - following: I show another person's slide, live, until I page on my own (`detached`: a
 *   "Back to presenter" button), stop following, or they stop presenting (then I stay where I
 *   am, presenting for myself, with a note saying they stopped).
 */
import { createValueStore, type ValueStore } from '../../model/observable';
import type { SlideRef } from './slides';

export type PresentState =
  | { readonly mode: 'closed' }
  | {
      readonly mode: 'presenting';
      readonly at: SlideRef;
      readonly follow: boolean;
      /** Name of the presenter I was following who stopped, for the note. */
      readonly presenterLeft?: string;
    }
  | {
      readonly mode: 'following';
      readonly clientId: number;
      readonly name: string;
      readonly at: SlideRef;
      readonly detached: boolean;
    };

export interface PresentStore extends ValueStore<PresentState> {
  /** Presenters (client ids) whose prompt I dismissed, until they stop presenting. */
  readonly dismissed: ValueStore<ReadonlySet<number>>;
}

const CLOSED: PresentState = { mode: 'closed' };
const stores = new WeakMap<object, PresentStore>();

export function presentStoreFor(session: object): PresentStore {
  let store = stores.get(session);
  if (!store) {
    store = Object.assign(createValueStore<PresentState>(CLOSED), {
      dismissed: createValueStore<ReadonlySet<number>>(new Set()),
    });
    stores.set(session, store);
  }
  return store;
}
