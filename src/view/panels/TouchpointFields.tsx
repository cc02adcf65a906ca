import { useTranslation } from 'react-i18next';
import { EMOTIONS, type Emotion, type MapSnapshot, type Touchpoint } from '../../model/types';
import { inLimit } from '../../model/limits';
import { recordKey, type Repair } from '../../model/records/support/repair';
import { TOUCHPOINT_LIMITS } from '../../model/records/touchpoint';
import { useSession } from '../canvas/SessionContext';
import { emotionColor } from '../emotionStyle';
import { Face } from '../Face';
import { nextTouchpoint } from '../../model/touchpoint-walk';
import { isDeviceLink } from '../../model/touchpoint-kinds';
import { focusInspectorField, inspectorFieldId } from './focusField';
import { NO_REPAIRS, repairNotes } from './RepairNote';
import { TouchpointVote } from '../workshop/TouchpointVote';
import { PersonaEmotions } from '../personas/PersonaEmotions';
import { PersonaScope } from '../personas/PersonaScope';
import { EvidenceField } from '../personas/EvidenceField';
import { ItemEvidence } from '../personas/ItemEvidence';

/** The fields Tab walks through (radio buttons count once: the checked one, or the first). */
const WALKED =
  'input[type="text"], input[type="number"], textarea, input[type="radio"]:checked, button, input[type="checkbox"]';

/**
 * Where Enter goes from a field: from the Action to the Emotion (the chosen face, else the
 * neutral one, so one arrow key picks either side), from the Emotion to the Pain points.
 */
function enterTarget(form: HTMLFormElement, from: HTMLElement): HTMLElement | null {
  if (from.id === inspectorFieldId('action'))
    return (
      form.querySelector<HTMLElement>('input[data-field="emotion"]:checked') ??
      form.querySelector<HTMLElement>('input[data-field="emotion"][value="0"]')
    );
  if (from.dataset.field === 'emotion')
    return form.querySelector<HTMLElement>('textarea[data-field="painPoints"]');
  return null;
}

/** One item per line; the command cuts the list to TOUCHPOINT_LIMITS (items and characters). */
const lines = (text: string) => text.split('\n');

/** The touchpoint fields this form edits (a repair of any other one is noted on the form). */
const EDITED = [
  'action',
  'emotion',
  'painPoints',
  'opportunities',
  'owner',
  'volume',
  'kpiIds',
] as const;

export function TouchpointFields({
  touchpoint: tp,
  readOnly,
  snapshot,
  repairs = NO_REPAIRS,
}: {
  touchpoint: Touchpoint;
  readOnly: boolean;
  snapshot: MapSnapshot;
  /** What the reader repaired in this touchpoint (`snapshot.repairs`, kept by identity). */
  repairs?: readonly Repair[];
}) {
  const { t } = useTranslation('editor');
  const { commands, selection } = useSession();
  const notes = repairNotes(recordKey('touchpoint', tp.id), repairs);
  const from = snapshot.nodeById.get(tp.from)?.label ?? '?';
  const to = snapshot.nodeById.get(tp.to)?.label ?? '?';
  return (
    <form
      className="fields"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('inspector.touchpointForm')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
          // Enter walks Action → Emotion → Pain points (the textareas keep Enter for new lines).
          const next = enterTarget(e.currentTarget, e.target as HTMLElement);
          if (next) {
            e.preventDefault();
            next.focus();
          }
          return;
        }
        // Tab from the last field goes on to the next touchpoint of the stage (its Action),
        // Shift+Tab from the Action back to the previous one.
        if (e.key !== 'Tab' || e.ctrlKey || e.metaKey || e.altKey) return;
        const fields = [...e.currentTarget.querySelectorAll<HTMLElement>(WALKED)].filter(
          (el) => !(el as HTMLInputElement).disabled,
        );
        const edge = e.shiftKey ? fields[0] : fields[fields.length - 1];
        if (e.target !== edge) return;
        const next = nextTouchpoint(snapshot, tp.id, e.shiftKey ? -1 : 1);
        if (!next) return;
        e.preventDefault();
        selection.set({ nodes: new Set(), touchpoints: new Set([next]) });
        focusInspectorField('action', next);
      }}
    >
      <h2>
        <span className="kind-badge kind-touchpoint">
          {t(isDeviceLink(tp, snapshot.nodeById) ? 'kind.deviceLink' : 'kind.touchpoint')}
        </span>
      </h2>
      <p className="muted">
        {from} → {to}
      </p>
      {notes.recordNote(EDITED)}
      <label>
        {t('field.action')}
        <input
          id={inspectorFieldId('action')}
          data-record-id={tp.id}
          type="text"
          value={tp.action}
          maxLength={TOUCHPOINT_LIMITS.action.chars}
          readOnly={readOnly}
          placeholder={t('field.actionPlaceholder')}
          aria-describedby={notes.describedBy('action')}
          onChange={(e) => commands.updateTouchpoint(tp.id, { action: e.target.value })}
        />
      </label>
      {notes.note('action')}
      <fieldset
        className="emotion-picker"
        role="radiogroup"
        aria-label={t('field.emotion')}
        aria-describedby={notes.describedBy('emotion')}
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
              data-field="emotion"
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
      {notes.note('emotion')}
      <PersonaEmotions touchpoint={tp} personas={snapshot.personas} readOnly={readOnly} />
      <PersonaScope touchpoint={tp} personas={snapshot.personas} readOnly={readOnly} />
      <EvidenceField touchpoint={tp} readOnly={readOnly} />
      <label>
        {t('field.painPoints')}
        <textarea
          rows={3}
          data-field="painPoints"
          value={tp.painPoints.join('\n')}
          readOnly={readOnly}
          placeholder={t('field.onePerLine')}
          aria-describedby={notes.describedBy('painPoints')}
          onChange={(e) => commands.updateTouchpoint(tp.id, { painPoints: lines(e.target.value) })}
        />
      </label>
      {notes.note('painPoints')}
      <ItemEvidence touchpoint={tp} kind="painPoint" readOnly={readOnly} />
      <label>
        {t('field.opportunities')}
        <textarea
          rows={3}
          value={tp.opportunities.join('\n')}
          readOnly={readOnly}
          placeholder={t('field.onePerLine')}
          aria-describedby={notes.describedBy('opportunities')}
          onChange={(e) =>
            commands.updateTouchpoint(tp.id, { opportunities: lines(e.target.value) })
          }
        />
      </label>
      {notes.note('opportunities')}
      <ItemEvidence touchpoint={tp} kind="opportunity" readOnly={readOnly} />
      <label>
        {t('field.owner')}
        <input
          type="text"
          value={tp.owner ?? ''}
          maxLength={TOUCHPOINT_LIMITS.owner.chars}
          readOnly={readOnly}
          aria-describedby={notes.describedBy('owner')}
          onChange={(e) => commands.updateTouchpoint(tp.id, { owner: e.target.value })}
        />
      </label>
      {notes.note('owner')}
      <label>
        {t('field.volume')}
        <input
          type="number"
          min={TOUCHPOINT_LIMITS.volume.min}
          max={TOUCHPOINT_LIMITS.volume.max}
          value={tp.volume ?? ''}
          readOnly={readOnly}
          aria-describedby={notes.describedBy('volume')}
          onChange={(e) => {
            const v = e.target.value === '' ? undefined : Number(e.target.value);
            if (v === undefined || inLimit(v, TOUCHPOINT_LIMITS.volume))
              commands.updateTouchpoint(tp.id, { volume: v });
          }}
        />
      </label>
      {notes.note('volume')}
      <fieldset
        className="kpi-picks"
        disabled={readOnly}
        aria-describedby={notes.describedBy('kpiIds')}
      >
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
      {notes.note('kpiIds')}
      {/* Last, so Tab and Shift+Tab still walk from the Action to the touchpoints around. */}
      <TouchpointVote touchpointId={tp.id} />
    </form>
  );
}
