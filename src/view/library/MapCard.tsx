import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplateName } from './TemplateName';
import type { LibraryItem } from './types';
import { META_LIMITS } from '../../model/records/meta';

interface Props {
  readonly item: LibraryItem;
  readonly href: string;
  onOpen(id: string): void;
  onRename(id: string, title: string): void;
  onDuplicate(item: LibraryItem): void;
  onDelete(item: LibraryItem): void;
  /** Absent: no "Delete for everyone" (not offered by the app). */
  onDeleteForEveryone?(item: LibraryItem): void;
}

/** One map in the library: thumbnail, title (a link that opens it), last edit, actions. */
export const MapCard = memo(function MapCard({
  item,
  href,
  onOpen,
  onRename,
  onDuplicate,
  onDelete,
  onDeleteForEveryone,
}: Props) {
  const { t, i18n } = useTranslation('library');
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(item.title);
  const title = item.title || t('untitled');
  const when = new Date(item.updatedAt).toLocaleString(i18n.resolvedLanguage, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  const save = (e: FormEvent) => {
    e.preventDefault();
    setRenaming(false);
    if (draft.trim() && draft.trim() !== item.title) onRename(item.id, draft.trim());
  };

  return (
    <li className="map-card">
      <a
        className="map-card-open"
        href={href}
        aria-label={t('open', { title })}
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return; // new tab: let the browser do it
          e.preventDefault();
          onOpen(item.id);
        }}
      >
        {item.thumbnail ? (
          <img src={item.thumbnail} alt={t('thumbnail', { title })} width={160} height={100} />
        ) : (
          <span className="map-card-nothumb" aria-hidden="true" />
        )}
      </a>
      {renaming ? (
        <form className="map-card-rename" onSubmit={save}>
          <input
            type="text"
            aria-label={t('newTitle', { title })}
            value={draft}
            maxLength={META_LIMITS.title.chars}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}
          />
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <h3 className="map-card-title">
          <a href={href} onClick={(e) => (e.preventDefault(), onOpen(item.id))}>
            {title}
          </a>
        </h3>
      )}
      <p className="map-card-meta">
        <TemplateName templateKey={item.template} /> · {t('edited', { when })}
        {item.shared ? (
          <span className="map-card-badge">
            {t(
              item.shared === 'view'
                ? 'sharedView'
                : item.shared === 'review'
                  ? 'sharedReview'
                  : 'shared',
            )}
          </span>
        ) : null}
      </p>
      <div className="map-card-actions" role="group" aria-label={t('actions', { title })}>
        <button
          type="button"
          className="link"
          aria-label={t('rename', { title })}
          title={t('rename', { title })}
          onClick={() => (setDraft(item.title), setRenaming(true))}
        >
          {t('renameShort')}
        </button>
        <button
          type="button"
          className="link"
          aria-label={t('duplicate', { title })}
          title={t('duplicate', { title })}
          onClick={() => onDuplicate(item)}
        >
          {t('duplicateShort')}
        </button>
        <button
          type="button"
          className="link danger"
          aria-label={t('delete', { title })}
          title={t('delete', { title })}
          onClick={() => onDelete(item)}
        >
          {t('deleteShort')}
        </button>
        {item.canDeleteForEveryone && onDeleteForEveryone ? (
          <button
            type="button"
            className="link danger"
            aria-label={t('deleteForEveryone.action', { title })}
            title={t('deleteForEveryone.action', { title })}
            onClick={() => onDeleteForEveryone(item)}
          >
            {t('deleteForEveryone.short')}
          </button>
        ) : null}
      </div>
    </li>
  );
});
