/** Step 5: the map itself, summarised, with the stage and touchpoint checks. */
import { useTranslation } from 'react-i18next';
import type { StepCheck } from '../../model/strategy/completeness';
import { customerTouchpoints } from '../../model/touchpoint-kinds';
import type { MapSnapshot } from '../../model/types';

export function JourneyStep({ snapshot, check }: { snapshot: MapSnapshot; check: StepCheck }) {
  const { t } = useTranslation('strategy');
  const count = (kind: string) => snapshot.nodes.filter((n) => n.kind === kind).length;
  return (
    <>
      <p className="muted">{t('journey.hint')}</p>
      <p>
        {t('journey.summary', {
          stages: t('journey.stages', { count: count('stage') }),
          channels: t('journey.channels', { count: count('channel') }),
          // Device links say where a channel is used: not touchpoints (model/touchpoint-kinds.ts).
          touchpoints: t('journey.touchpoints', { count: customerTouchpoints(snapshot).length }),
        })}
      </p>
      {check.status === 'done' && <p className="strategy-ok">{t('journey.allGood')}</p>}
    </>
  );
}
