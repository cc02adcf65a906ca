import { useCallback, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportButton } from '../importing/ImportButton';
import { LanguagePicker } from '../LanguagePicker';
import type { ImportFile } from '../importing/types';
import { filterMaps } from './filterMaps';
import './library.css';
import { DeleteForEveryoneDialog } from './DeleteForEveryoneDialog';
import { MapCard } from './MapCard';
import { NewMapDialog } from './NewMapDialog';
import type { LibraryActions, LibraryItem } from './types';
import { UndoDelete } from './UndoDelete';

interface Props {
  /** Every map, last edited first; undefined while loading. */
  readonly items: readonly LibraryItem[] | undefined;
  /** Set when the maps could not be read. */
  readonly loadError?: string | null;
  readonly templates: readonly string[];
  readonly actions: LibraryActions;
  /** Imports a strategy-map file as a new map (app layer); the new map then opens. */
  readonly importFile?: ImportFile;
  hrefFor(id: string): string;
}

/** The map library: search, Import and New map side by side, and the maps as cards. */
export function LibraryPage({ items, loadError, templates, actions, importFile, hrefFor }: Props) {
  const { t } = useTranslation('library');
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [deleted, setDeleted] = useState<LibraryItem | null>(null);
  const [deletingForAll, setDeletingForAll] = useState<LibraryItem | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback((p: Promise<void>) => {
    setError(null);
    p.catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  const onRename = useCallback(
    (id: string, title: string) => run(actions.rename(id, title)),
    [actions, run],
  );
  const onDuplicate = useCallback(
    (item: LibraryItem) =>
      run(actions.duplicate(item.id, t('copyOf', { title: item.title || t('untitled') }))),
    [actions, run, t],
  );
  const onDelete = useCallback(
    (item: LibraryItem) => run(actions.remove(item.id).then(() => setDeleted(item))),
    [actions, run],
  );

  const removeForEveryone = actions.removeForEveryone;
  const onDeleteForEveryone = useCallback((item: LibraryItem) => setDeletingForAll(item), []);

  const dismissDeleted = useCallback(() => setDeleted(null), []);

  const shown = items ? filterMaps(items, deferredQuery) : undefined;

  return (
    <main className="library">
      <div className="library-top">
        <h1>{t('heading')}</h1>
        <input
          type="search"
          className="library-search"
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <LanguagePicker />
        {importFile ? <ImportButton onImport={importFile} onImported={actions.open} /> : null}
        <button
          type="button"
          className="primary"
          onClick={() => setCreating(true)}
          aria-expanded={creating}
        >
          {t('newMap')}
        </button>
      </div>
      {creating ? (
        <NewMapDialog
          templates={templates}
          onCreate={actions.create}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {deletingForAll && removeForEveryone ? (
        <DeleteForEveryoneDialog
          key={deletingForAll.id}
          title={deletingForAll.title || t('untitled')}
          onConfirm={() => removeForEveryone(deletingForAll.id).then(() => setDeletingForAll(null))}
          onClose={() => setDeletingForAll(null)}
        />
      ) : null}
      {error || loadError ? (
        <p role="alert" className="library-error">
          {error ? t('failed', { message: error }) : t('loadFailed')}
        </p>
      ) : null}
      {shown === undefined ? (
        loadError ? null : (
          <p role="status" className="library-loading">
            {t('loading')}
          </p>
        )
      ) : items?.length === 0 ? (
        <section className="library-empty" aria-labelledby="library-empty-title">
          <h2 id="library-empty-title">{t('empty.title')}</h2>
          <p>{t('empty.hint')}</p>
        </section>
      ) : (
        <>
          <p className="library-count">{t('count', { count: shown.length })}</p>
          {shown.length === 0 ? <p>{t('noMatch', { query: deferredQuery.trim() })}</p> : null}
          <ul className="library-list" aria-label={t('heading')}>
            {shown.map((item) => (
              <MapCard
                key={item.id}
                item={item}
                href={hrefFor(item.id)}
                onOpen={actions.open}
                onRename={onRename}
                onDuplicate={onDuplicate}
                onDelete={onDelete}
                onDeleteForEveryone={removeForEveryone ? onDeleteForEveryone : undefined}
              />
            ))}
          </ul>
        </>
      )}
      {deleted ? (
        <UndoDelete
          key={deleted.id}
          title={deleted.title || t('untitled')}
          onUndo={() => (setDeleted(null), run(actions.restore(deleted.id)))}
          onDismiss={dismissDeleted}
        />
      ) : null}
    </main>
  );
}
