/**
 * The map library route (`#/`): wires the library page (a pure view) to the local store (the
 * IndexedDB library, live across tabs through a Dexie live query).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { newId } from '../model/ids';
import { TEMPLATES } from '../model/templates';
import { getLocalStore, type MapEntry } from '../sync/local-store';
import { LibraryPage } from '../view/library/LibraryPage';
import type { LibraryActions, LibraryItem } from '../view/library/types';
import { registerPwa } from './pwa';
import { mapHref } from './routes';

// The app shell imports this module on every route, so the offline shell is registered even
// before main.tsx calls registerPwa() itself (idempotent).
void registerPwa();

const TEMPLATE_KEYS: readonly string[] = TEMPLATES.map((t) => t.key);

const toItem = (e: MapEntry): LibraryItem => ({
  id: e.id,
  title: e.title,
  template: e.template,
  updatedAt: e.updatedAt,
  thumbnail: e.thumbnail,
  shared: e.share?.role,
});

export function LibraryRoute({ onOpen }: { onOpen(id: string): void }) {
  const store = getLocalStore();
  const entries = useSyncExternalStore(store.maps.subscribe, store.maps.getSnapshot);
  const loadError = useSyncExternalStore(store.maps.subscribe, store.maps.getError);
  const items = useMemo(() => entries?.map(toItem), [entries]);

  const actions = useMemo<LibraryActions>(
    () => ({
      async create({ template, title }) {
        const id = newId('map');
        await store.createMap({ id, template, title });
        onOpen(id);
      },
      open: onOpen,
      rename: (id, title) => store.renameMap(id, title),
      duplicate: (id, title) => store.duplicateMap(id, { id: newId('map'), title }),
      remove: (id) => store.deleteMap(id),
      restore: (id) => store.restoreMap(id),
    }),
    [store, onOpen],
  );

  return (
    <LibraryPage
      items={items}
      loadError={loadError ? String(loadError) : null}
      templates={TEMPLATE_KEYS}
      actions={actions}
      hrefFor={(id) => mapHref(id)}
    />
  );
}
