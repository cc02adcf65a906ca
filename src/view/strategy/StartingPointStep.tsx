/** Step 1: our scores and the competitors', with the positioning chart. */
import { useTranslation } from 'react-i18next';
import { COMPANY_SCORE_LIMITS } from '../../model/records/company-score';
import { recordKey } from '../../model/records/support/repair';
import type { MapSnapshot, StartingPoint } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { recordNotes } from '../panels/RepairNote';
import { StrategyCommentPin } from '../comments/StrategyPin';
import { Fields, useStrategyReadOnly } from './Fields';
import { PositioningChart } from './PositioningChart';
import { ScoreSelect } from './ScoreSelect';

/** The company fields this step edits (a repair of any other one is noted on the name). */
const EDITED = ['name', 'digitalCompetence', 'serviceCulture'] as const;

export function StartingPointStep({
  startingPoint,
  repairs,
}: {
  startingPoint: StartingPoint;
  /** What the reader repaired (`snapshot.repairs`): `self`, `competitor:<id>`. */
  repairs?: MapSnapshot['repairs'];
}) {
  const { t } = useTranslation('strategy');
  const { strategy } = useSession();
  // Each row has its comment pin beside its fields: the fields are disabled one by one.
  const readOnly = useStrategyReadOnly();
  const { self, competitors } = startingPoint;
  const selfNotes = recordNotes(repairs, recordKey('self'));
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
                disabled={readOnly}
                aria-label={t('start.ourName')}
                value={self.name}
                placeholder={t('start.us')}
                maxLength={COMPANY_SCORE_LIMITS.name.chars}
                aria-describedby={selfNotes.describedBy('name')}
                onChange={(e) => strategy.updateSelfScore({ name: e.target.value })}
              />
              {selfNotes.note('name')}
              {selfNotes.recordNote(EDITED)}
            </td>
            <td>
              <ScoreSelect
                disabled={readOnly}
                label={scoreLabel('digital', ours)}
                value={self.digitalCompetence}
                describedBy={selfNotes.describedBy('digitalCompetence')}
                onChange={(v) => strategy.updateSelfScore({ digitalCompetence: v })}
              />
              {selfNotes.note('digitalCompetence')}
            </td>
            <td>
              <ScoreSelect
                disabled={readOnly}
                label={scoreLabel('culture', ours)}
                value={self.serviceCulture}
                describedBy={selfNotes.describedBy('serviceCulture')}
                onChange={(v) => strategy.updateSelfScore({ serviceCulture: v })}
              />
              {selfNotes.note('serviceCulture')}
            </td>
            <td className="strategy-row-end">
              <StrategyCommentPin section="companyScores" id={self.id} name={ours} />
            </td>
          </tr>
          {competitors.map((c, i) => {
            const name = c.name || `${t('start.newCompetitor')} ${i + 1}`;
            const notes = recordNotes(repairs, recordKey('competitor', c.id));
            return (
              <tr key={c.id}>
                <td>
                  <input
                    disabled={readOnly}
                    aria-label={`${t('start.competitorName')} ${i + 1}`}
                    value={c.name}
                    maxLength={COMPANY_SCORE_LIMITS.name.chars}
                    aria-describedby={notes.describedBy('name')}
                    onChange={(e) => strategy.updateCompetitor(c.id, { name: e.target.value })}
                  />
                  {notes.note('name')}
                  {notes.recordNote(EDITED)}
                </td>
                <td>
                  <ScoreSelect
                    disabled={readOnly}
                    label={scoreLabel('digital', name)}
                    value={c.digitalCompetence}
                    describedBy={notes.describedBy('digitalCompetence')}
                    onChange={(v) => strategy.updateCompetitor(c.id, { digitalCompetence: v })}
                  />
                  {notes.note('digitalCompetence')}
                </td>
                <td>
                  <ScoreSelect
                    disabled={readOnly}
                    label={scoreLabel('culture', name)}
                    value={c.serviceCulture}
                    describedBy={notes.describedBy('serviceCulture')}
                    onChange={(v) => strategy.updateCompetitor(c.id, { serviceCulture: v })}
                  />
                  {notes.note('serviceCulture')}
                </td>
                <td className="strategy-row-end">
                  <StrategyCommentPin section="companyScores" id={c.id} name={name} />
                  <button
                    type="button"
                    className="icon-button"
                    disabled={readOnly}
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
      <Fields>
        <button
          type="button"
          onClick={() =>
            strategy.addCompetitor({
              name: `${t('start.newCompetitor')} ${competitors.length + 1}`,
            })
          }
        >
          {t('start.addCompetitor')}
        </button>
      </Fields>
      <PositioningChart startingPoint={startingPoint} ourLabel={t('start.us')} />
    </>
  );
}
