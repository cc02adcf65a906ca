/**
 * What the canvas shows for a `.json` drop (see useJsonFileDrop): a hint while a file is
 * dragged over, and the refusal with its `path: message` list. Place it inside the drop target
 * (which must be `position: relative`).
 */
import { useTranslation } from 'react-i18next';
import { ImportErrors } from './ImportErrors';
import type { JsonFileDrop } from './useJsonFileDrop';

export function JsonDropOverlay({ drop }: { drop: JsonFileDrop }) {
  const { t } = useTranslation('export');
  return (
    <>
      {drop.over || drop.busy ? (
        <div className="json-drop-hint" role="status">
          {drop.busy ? t('import.busy') : t('import.drop')}
        </div>
      ) : null}
      {drop.failure ? (
        <div className="json-drop-errors">
          <ImportErrors failure={drop.failure} onDismiss={drop.dismiss} />
        </div>
      ) : null}
    </>
  );
}
