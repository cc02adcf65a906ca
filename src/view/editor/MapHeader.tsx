/** The editor's top bar: back to the library, the map title (editable), status and extras. */
import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { META_LIMITS } from '../../model/records/meta';
import { recordKey } from '../../model/records/support/repair';
import { useSession } from '../canvas/SessionContext';
import { PanelBoundary } from '../errors/PanelBoundary';
import { useRecordRepairs } from '../hooks/useRecordRepairs';
import { LanguagePicker } from '../LanguagePicker';
import { repairNotes } from '../panels/RepairNote';
import { PeopleList } from '../presence/PeopleList';
import { ShareDialog } from '../share/ShareDialog';
import { SaveStatus } from './SaveStatus';

export const MapHeader = memo(function MapHeader({
  title,
  extras,
}: {
  title: string;
  extras?: ReactNode;
}) {
  const { t } = useTranslation('editor');
  const session = useSession();
  const [draft, setDraft] = useState<string | null>(null);
  // The header gets the title alone; the meta record's repairs come from the store itself.
  const notes = repairNotes(recordKey('meta'), useRecordRepairs(recordKey('meta')));
  const commit = () => {
    if (draft !== null && draft.trim() !== title)
      session.commands.renameMap(draft.trim() || t('untitledMap'));
    setDraft(null);
  };
  return (
    <header className="app-header">
      <a className="brand" href="#/" aria-label={t('backToLibrary')}>
        <span aria-hidden="true">◆</span> Itinera
      </a>
      <input
        className="title-input"
        aria-label={t('mapTitle')}
        value={draft ?? title}
        placeholder={t('untitledMap')}
        maxLength={META_LIMITS.title.chars}
        readOnly={session.readOnlyReason !== null}
        aria-describedby={notes.describedBy('title')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(null);
            e.currentTarget.blur();
          }
        }}
      />
      {notes.note('title')}
      <SaveStatus />
      <PeopleList />
      <div className="header-extras">
        <PanelBoundary panel="share" compact>
          <ShareDialog />
        </PanelBoundary>
        {extras}
      </div>
      <LanguagePicker />
    </header>
  );
});
