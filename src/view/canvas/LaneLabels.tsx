/**
 * Lane labels to the left of a map laid out in lanes (Stages, Channels, Devices, Notes), each
 * with a bar as tall as its lane: derived from where the nodes are (`laneBands` in
 * model/geometry.ts), drawn in flow coordinates so they pan, zoom and appear in image exports.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { laneBands, laneLabelsBox } from '../../model/geometry';
import type { JourneyNode } from '../../model/types';
import { FlowLayer } from './FlowLayer';
import { measuredSizeOf, type Measured } from './measuredSize';
import { useNodeGeometry } from './useNodeGeometry';

/** `measured`: sizes React Flow measured (a note grows with its text), preferred to the model's. */
export function LaneLabels({
  nodes,
  measured,
}: {
  nodes: readonly JourneyNode[];
  measured: Measured;
}) {
  return <LaneLabelsView nodes={useNodeGeometry(nodes)} measured={measured} />;
}

const LaneLabelsView = memo(function LaneLabelsView({
  nodes,
  measured,
}: {
  nodes: readonly JourneyNode[];
  measured: Measured;
}) {
  const { t } = useTranslation('editor');
  const lanes = useMemo(() => laneBands(nodes, measuredSizeOf(measured)), [nodes, measured]);
  if (!lanes) return null;
  const box = laneLabelsBox(lanes);
  return (
    <FlowLayer layer="viewport">
      <div
        className="lane-labels"
        aria-hidden="true"
        style={{
          transform: `translate(${box.x}px, ${box.y}px)`,
          width: box.width,
          height: box.height,
        }}
      >
        {lanes.bands.map((b) => (
          <div
            key={b.kind}
            className={`lane-label lane-${b.kind}`}
            style={{ top: b.y - box.y, height: b.height }}
          >
            <span>{t(`lane.${b.kind}`)}</span>
          </div>
        ))}
      </div>
    </FlowLayer>
  );
});
