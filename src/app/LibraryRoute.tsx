/**
 * The map library route (`#/`): wires the library page (a pure view) to the local store (the
 * IndexedDB library, live across tabs through a Dexie live query).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../model/ids';
import { TEMPLATES } from '../model/templates';
import { errorCodeOf, getLocalStore, type MapEntry } from '../sync/local-store';
import { PanelBoundary } from '../view/errors/PanelBoundary';
import { LibraryPage } from '../view/library/LibraryPage';
import { i18n } from './i18n';
import { importMapFileLazy as importMapFile } from './importMapLazy';
import { createTemplateMap, templateLocale } from './newMap';
import type { LibraryActions, LibraryItem } from '../view/library/types';
import { mapHref } from './routes';
import { deleteForEveryone, ShareError } from './sharing';

const TEMPLATE_KEYS: readonly string[] = TEMPLATES.map((t) => t.key);

const toItem = (e: MapEntry): LibraryItem => ({
  id: e.id,
  title: e.title,
  template: e.template,
  updatedAt: e.updatedAt,
  thumbnail: e.thumbnail,
  shared: e.share?.role,
  canDeleteForEveryone: e.share?.editToken !== undefined,
});

export function LibraryRoute({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation('library');
  const store = getLocalStore();
  const entries = useSyncExternalStore(store.maps.subscribe, store.maps.getSnapshot);
  const loadError = useSyncExternalStore(store.maps.subscribe, store.maps.getError);
  const items = useMemo(() => entries?.map(toItem), [entries]);

  const actions = useMemo<LibraryActions>(() => {
    // A full disk is the one failure people can act on: say so plainly (each operation is one
    // transaction, so a failed one changed nothing).
    const plain =
      <A extends unknown[]>(f: (...a: A) => Promise<void>) =>
      (...a: A) =>
        f(...a).catch((err: unknown) => {
          throw errorCodeOf(err) === 'quota' ? new Error(t('quotaFull')) : err;
        });
    return {
      create: plain(async ({ template, title }: { template: string; title: string }) => {
        const id = newId('map');
        // The example's texts in the language the person is using the app in.
        const locale = templateLocale(i18n.resolvedLanguage);
        await createTemplateMap(store.db, { id, template, title, locale });
        onOpen(id);
      }),
      open: onOpen,
      rename: plain((id: string, title: string) => store.renameMap(id, title)),
      duplicate: plain((id: string, title: string) =>
        store.duplicateMap(id, { id: newId('map'), title }),
      ),
      remove: plain((id: string) => store.deleteMap(id)),
      removeForEveryone: (id: string) =>
        deleteForEveryone(id).catch((err: unknown) => {
          const code = err instanceof ShareError ? err.code : 'server';
          throw new Error(t(`deleteForEveryone.error.${code}`, { defaultValue: String(err) }));
        }),
      restore: plain((id: string) => store.restoreMap(id)),
    };
  }, [store, onOpen, t]);

  return (
    <PanelBoundary panel="library" className="panel-error-library">
      <LibraryPage
        items={items}
        loadError={loadError ? String(loadError) : null}
        templates={TEMPLATE_KEYS}
        actions={actions}
        importFile={importMapFile}
        hrefFor={(id) => mapHref(id)}
      />
    </PanelBoundary>
  );
}
