/** Step 1: our scores and the competitors', with the positioning chart. */
import { useTranslation } from 'react-i18next';
import type { StartingPoint } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { PositioningChart } from './PositioningChart';
import { ScoreSelect } from './ScoreSelect';

export function StartingPointStep({ startingPoint }: { startingPoint: StartingPoint }) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  const { self, competitors } = startingPoint;
  const ours = self.name || t('start.us');
  const scoreLabel = (theme: 'digital' | 'culture', name: string) =>
    t('start.scoreOf', { theme: t(`start.${theme}`), name });
  return (
    <>
      <p className="muted">{t('start.hint')}</p>
      <table className="strategy-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" title={t('start.digitalLong')}>
              {t('start.digital')}
            </th>
            <th scope="col" title={t('start.cultureLong')}>
              {t('start.culture')}
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <input
                aria-label={t('start.ourName')}
                value={self.name}
                placeholder={t('start.us')}
                maxLength={200}
                onChange={(e) => strategy.updateSelfScore({ name: e.target.value })}
              />
            </td>
            <td>
              <ScoreSelect
                label={scoreLabel('digital', ours)}
                value={self.digitalCompetence}
                onChange={(v) => strategy.updateSelfScore({ digitalCompetence: v })}
              />
            </td>
            <td>
              <ScoreSelect
                label={scoreLabel('culture', ours)}
                value={self.serviceCulture}
                onChange={(v) => strategy.updateSelfScore({ serviceCulture: v })}
              />
            </td>
            <td />
          </tr>
          {competitors.map((c, i) => {
            const name = c.name || `${t('start.newCompetitor')} ${i + 1}`;
            return (
              <tr key={c.id}>
                <td>
                  <input
                    aria-label={`${t('start.competitorName')} ${i + 1}`}
                    value={c.name}
                    maxLength={200}
                    onChange={(e) => strategy.updateCompetitor(c.id, { name: e.target.value })}
                  />
                </td>
                <td>
                  <ScoreSelect
                    label={scoreLabel('digital', name)}
                    value={c.digitalCompetence}
                    onChange={(v) => strategy.updateCompetitor(c.id, { digitalCompetence: v })}
                  />
                </td>
                <td>
                  <ScoreSelect
                    label={scoreLabel('culture', name)}
                    value={c.serviceCulture}
                    onChange={(v) => strategy.updateCompetitor(c.id, { serviceCulture: v })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('common.remove', { name })}
                    onClick={() => strategy.removeCompetitor(c.id)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          strategy.addCompetitor({ name: `${t('start.newCompetitor')} ${competitors.length + 1}` })
        }
      >
        {t('start.addCompetitor')}
      </button>
      <PositioningChart startingPoint={startingPoint} ourLabel={t('start.us')} />
    </>
  );
}
