import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { emotionColor } from '../../emotionStyle';
import { Face } from '../../Face';
import type { TouchpointEdge } from '../flowTypes';

const MAX_LABEL_CHARS = 28;

export const TouchpointEdgeView = memo(function TouchpointEdgeView(props: EdgeProps<TouchpointEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const tp = data?.touchpoint;
  const color = emotionColor(tp?.emotion);
  const action = tp?.action ?? '';
  const short = action.length > MAX_LABEL_CHARS ? `${action.slice(0, MAX_LABEL_CHARS - 1)}…` : action;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={{ stroke: color, strokeWidth: selected ? 3.5 : 2.2 }}
        interactionWidth={18}
      />
      {tp && ((short && selected) || tp.emotion !== undefined || tp.painPoints.length > 0) ? (
        <EdgeLabelRenderer>
          <div
            className={`tp-label${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: color }}
            data-testid={`tp-label-${id}`}
          >
            {tp.emotion !== undefined ? (
              <span className="tp-face" aria-hidden="true">
                <Face emotion={tp.emotion} size={18} />
              </span>
            ) : null}
            {short && selected ? <span className="tp-action">{short}</span> : null}
            {tp.painPoints.length > 0 ? <span className="tp-pain" title={tp.painPoints.join('\n')}>⚠ {tp.painPoints.length}</span> : null}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
