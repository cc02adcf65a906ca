/** The editor's top bar: back to the library, the map title (editable), status and extras. */
import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../canvas/SessionContext';
import { PanelBoundary } from '../errors/PanelBoundary';
import { LanguagePicker } from '../LanguagePicker';
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
        maxLength={200}
        readOnly={session.readOnlyReason !== null}
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
