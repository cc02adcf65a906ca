import { useTranslation } from 'react-i18next';
import { EMOTIONS, type Emotion, type MapSnapshot, type Touchpoint } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { emotionColor } from '../emotionStyle';
import { Face } from '../Face';

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.slice(0, 500))
    .slice(0, 50);

export function TouchpointFields({
  touchpoint: tp,
  readOnly,
  snapshot,
}: {
  touchpoint: Touchpoint;
  readOnly: boolean;
  snapshot: MapSnapshot;
}) {
  const { t } = useTranslation('editor');
  const { commands } = useSession();
  const from = snapshot.nodeById.get(tp.from)?.label ?? '?';
  const to = snapshot.nodeById.get(tp.to)?.label ?? '?';
  return (
    <form
      className="fields"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('inspector.touchpointForm')}
    >
      <h2>
        <span className="kind-badge kind-touchpoint">{t('kind.touchpoint')}</span>
      </h2>
      <p className="muted">
        {from} → {to}
      </p>
      <label>
        {t('field.action')}
        <input
          type="text"
          value={tp.action}
          maxLength={300}
          readOnly={readOnly}
          placeholder={t('field.actionPlaceholder')}
          onChange={(e) => commands.updateTouchpoint(tp.id, { action: e.target.value })}
        />
      </label>
      <fieldset
        className="emotion-picker"
        role="radiogroup"
        aria-label={t('field.emotion')}
        disabled={readOnly}
      >
        <legend>{t('field.emotion')}</legend>
        {EMOTIONS.map((e) => (
          <label
            key={e}
            className={tp.emotion === e ? 'is-on' : ''}
            style={{ borderColor: emotionColor(e) }}
          >
            <input
              type="radio"
              name={`emotion-${tp.id}`}
              value={e}
              checked={tp.emotion === e}
              onChange={() => commands.updateTouchpoint(tp.id, { emotion: e as Emotion })}
              aria-label={t(`emotion.${e}`)}
            />
            <Face emotion={e} size={26} />
          </label>
        ))}
        <button
          type="button"
          className="link"
          onClick={() => commands.updateTouchpoint(tp.id, { emotion: undefined })}
        >
          {t('field.emotionClear')}
        </button>
      </fieldset>
      <label>
        {t('field.painPoints')}
        <textarea
          rows={3}
          value={tp.painPoints.join('\n')}
          readOnly={readOnly}
          placeholder={t('field.onePerLine')}
          onChange={(e) => commands.updateTouchpoint(tp.id, { painPoints: lines(e.target.value) })}
        />
      </label>
      <label>
        {t('field.opportunities')}
        <textarea
          rows={3}
          value={tp.opportunities.join('\n')}
          readOnly={readOnly}
          placeholder={t('field.onePerLine')}
          onChange={(e) =>
            commands.updateTouchpoint(tp.id, { opportunities: lines(e.target.value) })
          }
        />
      </label>
      <label>
        {t('field.owner')}
        <input
          type="text"
          value={tp.owner ?? ''}
          maxLength={200}
          readOnly={readOnly}
          onChange={(e) => commands.updateTouchpoint(tp.id, { owner: e.target.value })}
        />
      </label>
      <label>
        {t('field.volume')}
        <input
          type="number"
          min={0}
          value={tp.volume ?? ''}
          readOnly={readOnly}
          onChange={(e) => {
            const v = e.target.value === '' ? undefined : Number(e.target.value);
            if (v === undefined || (Number.isFinite(v) && v >= 0))
              commands.updateTouchpoint(tp.id, { volume: v });
          }}
        />
      </label>
      <fieldset className="kpi-picks" disabled={readOnly}>
        <legend>{t('field.kpis')}</legend>
        {snapshot.strategy.kpis.length === 0 ? (
          <p className="muted">{t('field.kpisNone')}</p>
        ) : (
          snapshot.strategy.kpis.map((kpi) => (
            <label key={kpi.id} className="check">
              <input
                type="checkbox"
                checked={tp.kpiIds.includes(kpi.id)}
                onChange={(e) =>
                  commands.updateTouchpoint(tp.id, {
                    kpiIds: e.target.checked
                      ? [...tp.kpiIds, kpi.id]
                      : tp.kpiIds.filter((k) => k !== kpi.id),
                  })
                }
              />
              {kpi.name || t('node.untitled')}
            </label>
          ))
        )}
      </fieldset>
    </form>
  );
}
