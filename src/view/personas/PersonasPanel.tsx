/**
 * The Personas panel: the map's personas (initials avatar on their colour, name, role), add,
 * edit, reorder and delete (with undo: deleting takes the persona's emotions along, one undo
 * step). Every write is a persona command; a read-only session sees the list only.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PERSONAS } from '../../model/limits';
import type { Persona } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { useStore } from '../hooks/useStore';
import { PersonaAvatar } from './PersonaAvatar';
import { PersonaFocus } from './PersonaFocus';
import { PersonaForm } from './PersonaForm';
import './personas.css';

export function PersonasPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('personas');
  const session = useSession();
  const { personas } = useStore(session.map);
  const readOnly = session.readOnlyReason !== null;
  const [editing, setEditing] = useState<{ id: string; fresh: boolean } | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('h2 + button, button')?.focus();
  }, []);
  const editingPersona = editing && personas.find((p) => p.id === editing.id);

  const add = () => {
    const id = session.commands.addPersona({ name: t('newName') });
    setRefused(id === null);
    setDeleted(null);
    if (id) setEditing({ id, fresh: true });
  };
  const move = (p: Persona, by: -1 | 1) => {
    const ids = personas.map((x) => x.id);
    const i = ids.indexOf(p.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    session.commands.reorderPersonas(ids);
  };
  const remove = (p: Persona) => {
    session.commands.deletePersona(p.id);
    setEditing(null);
    setDeleted(p.name || t('unnamed'));
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <aside
      ref={panel}
      className="personas-panel"
      aria-labelledby="personas-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="personas-head">
        <h2 id="personas-title">{t('title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      {readOnly ? <p className="muted">{t('readOnly')}</p> : null}
      {personas.length > 0 ? <PersonaFocus personas={personas} /> : null}
      {personas.length === 0 ? (
        <div className="personas-empty">
          <h3>{t('empty.title')}</h3>
          <p className="muted">{t('empty.body')}</p>
        </div>
      ) : (
        <ul className="personas-list" aria-label={t('list')}>
          {personas.map((p, i) => {
            const name = p.name || t('unnamed');
            return (
              <li key={p.id} data-testid="persona">
                <div className="persona-row">
                  <PersonaAvatar persona={p} />
                  <div className="persona-text">
                    <strong>{name}</strong>
                    {p.role ? <span className="muted">{p.role}</span> : null}
                  </div>
                  {readOnly ? null : (
                    <div className="persona-actions">
                      <button
                        type="button"
                        aria-label={t('edit', { name })}
                        aria-expanded={editing?.id === p.id}
                        onClick={() =>
                          setEditing(editing?.id === p.id ? null : { id: p.id, fresh: false })
                        }
                      >
                        ✎
                      </button>
                      <button
                        type="button"
                        aria-label={t('moveUp', { name })}
                        disabled={i === 0}
                        onClick={() => move(p, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={t('moveDown', { name })}
                        disabled={i === personas.length - 1}
                        onClick={() => move(p, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('delete', { name })}
                        onClick={() => remove(p)}
                      >
                        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                          <path
                            d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5"
                            fill="none"
                            stroke="currentColor"
                            strokeWidth="1.4"
                          />
                        </svg>
                      </button>
                    </div>
                  )}
                </div>
                {p.quote && editing?.id !== p.id ? (
                  <blockquote className="persona-quote">{p.quote}</blockquote>
                ) : null}
                {editingPersona?.id === p.id && !readOnly ? (
                  <PersonaForm
                    persona={p}
                    autoFocus={editing!.fresh}
                    onDone={() => setEditing(null)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className="personas-status">
        {deleted ? (
          <>
            {t('deleted', { name: deleted })}{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                session.undo.undo();
                setDeleted(null);
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            >
              {t('undo')}
            </button>
          </>
        ) : refused ? (
          t('limit', { max: MAX_PERSONAS })
        ) : null}
      </p>
      {readOnly ? null : (
        <button
          ref={addButton}
          type="button"
          className="primary"
          onClick={add}
          disabled={personas.length >= MAX_PERSONAS}
        >
          {t('add')}
        </button>
      )}
    </aside>
  );
}
