/**
 * Lane labels to the left of a map laid out in lanes (Stages, Channels, Devices, Notes), each
 * with a bar as tall as its lane: derived from where the nodes are (model/lanes.ts), drawn in
 * flow coordinates so they pan, zoom and appear in image exports.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { laneBands } from '../../model/lanes';
import { nodeSize } from '../../model/layout';
import type { JourneyNode } from '../../model/types';
import { FlowLayer } from './FlowLayer';
import { useNodeGeometry } from './useNodeGeometry';

/** Width of the label column left of the map, px (exportBounds.ts includes it). */
export const LABEL_COLUMN_PX = 150;

type Measured = ReadonlyMap<string, { width: number; height: number }>;

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
  const lanes = useMemo(
    () =>
      laneBands(nodes, (n) => {
        const m = measured.get(n.id);
        return m ? { w: m.width, h: m.height } : nodeSize(n);
      }),
    [nodes, measured],
  );
  if (!lanes) return null;
  const top = lanes.bands[0]!.y;
  const last = lanes.bands[lanes.bands.length - 1]!;
  return (
    <FlowLayer layer="viewport">
      <div
        className="lane-labels"
        aria-hidden="true"
        style={{
          transform: `translate(${lanes.left - LABEL_COLUMN_PX}px, ${top}px)`,
          width: LABEL_COLUMN_PX,
          height: last.y + last.height - top,
        }}
      >
        {lanes.bands.map((b) => (
          <div
            key={b.kind}
            className={`lane-label lane-${b.kind}`}
            style={{ top: b.y - top, height: b.height }}
          >
            <span>{t(`lane.${b.kind}`)}</span>
          </div>
        ))}
      </div>
    </FlowLayer>
  );
});
