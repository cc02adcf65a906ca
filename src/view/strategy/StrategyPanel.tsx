/**
 * The strategy side panel: the seven roadmap steps in order, each with its completeness mark,
 * plus the channel-cost model. Everything reads the snapshot and writes through
 * `session.strategy` commands, so every edit syncs, persists and undoes like the map's.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSteps } from '../../model/strategy/completeness';
import type { ChannelNode, MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { StrategyCommentPin, useStrategyReveal } from '../comments/StrategyPin';
import { ChannelsStep } from './ChannelsStep';
import { CostModelSection } from './CostModelSection';
import { StrategyReadOnlyContext } from './Fields';
import { GoalsStep } from './GoalsStep';
import { GoLiveStep } from './GoLiveStep';
import { JourneyStep } from './JourneyStep';
import { KpisStep } from './KpisStep';
import { PrintDialog } from './PrintDialog';
import { StartingPointStep } from './StartingPointStep';
import { StepSection } from './StepSection';
import { TrainingStep } from './TrainingStep';
import './strategy.css';

export function StrategyPanel({ snapshot, onClose }: { snapshot: MapSnapshot; onClose(): void }) {
  const { t } = useTranslation('strategy');
  const session = useSession();
  const readOnly = session.readOnlyReason !== null;
  const checks = useMemo(() => checkSteps(snapshot), [snapshot]);
  const channels = useMemo(
    () => snapshot.nodes.filter((n): n is ChannelNode => n.kind === 'channel'),
    [snapshot.nodes],
  );
  const st = snapshot.strategy;
  const [printing, setPrinting] = useState(false);
  const ref = useRef<HTMLElement>(null);
  useStrategyReveal(ref);
  return (
    <aside className="strategy-panel" aria-label={t('panel.label')} ref={ref}>
      <header className="strategy-panel-header">
        <h2>{t('panel.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('panel.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <p className="muted">
        {!readOnly
          ? t('panel.intro')
          : session.comments.canComment
            ? t('panel.readOnlyReview')
            : t('panel.readOnly')}
      </p>
      <button type="button" onClick={() => setPrinting(true)}>
        {t('print.open')}
      </button>
      {printing && <PrintDialog snapshot={snapshot} onClose={() => setPrinting(false)} />}
      {/* Not one disabled fieldset: the comment pins stay usable on a read-only map (Fields.tsx). */}
      <StrategyReadOnlyContext.Provider value={readOnly}>
        <div className="strategy-body">
          <StepSection index={1} check={checks.startingPoint}>
            <StartingPointStep startingPoint={st.startingPoint} repairs={snapshot.repairs} />
          </StepSection>
          <StepSection index={2} check={checks.goals}>
            <GoalsStep goals={st.goals} goLive={st.goLive.date} repairs={snapshot.repairs} />
          </StepSection>
          <StepSection index={3} check={checks.channels}>
            <ChannelsStep channels={channels} plans={st.channelPlans} repairs={snapshot.repairs} />
          </StepSection>
          <div className="strategy-pin-host">
            <StrategyCommentPin section="costModel" id="" />
            <CostModelSection snapshot={snapshot} />
          </div>
          <StepSection index={4} check={checks.kpis}>
            <KpisStep snapshot={snapshot} />
          </StepSection>
          <StepSection index={5} check={checks.journey}>
            <JourneyStep snapshot={snapshot} check={checks.journey} />
          </StepSection>
          <StepSection index={6} check={checks.training}>
            <TrainingStep training={st.training} repairs={snapshot.repairs} />
          </StepSection>
          <StepSection
            index={7}
            check={checks.goLive}
            pin={<StrategyCommentPin section="goLive" id="" />}
          >
            <GoLiveStep snapshot={snapshot} check={checks.goLive} />
          </StepSection>
        </div>
      </StrategyReadOnlyContext.Provider>
    </aside>
  );
}
