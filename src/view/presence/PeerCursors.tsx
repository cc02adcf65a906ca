/**
 * Other people's pointers on the canvas, each with their name, drawn in flow coordinates inside
 * React Flow's viewport (so they pan and zoom with the map) but at a constant screen size.
 */
import { useStore } from '@xyflow/react';
import { memo } from 'react';
import type { Peer } from '../../model/session-api';
import './presence.css';
import { FlowLayer } from '../canvas/FlowLayer';
import { selectZoom } from '../canvas/flowContract';

export const PeerCursors = memo(function PeerCursors({ peers }: { peers: readonly Peer[] }) {
  const zoom = useStore(selectZoom);
  const shown = peers.filter((p) => p.cursor);
  if (shown.length === 0) return null;
  return (
    <FlowLayer layer="viewport">
      {shown.map((p) => (
        <div
          key={p.clientId}
          className="peer-cursor"
          data-testid="peer-cursor"
          aria-hidden="true"
          style={{
            transform: `translate(${p.cursor!.x}px, ${p.cursor!.y}px) scale(${1 / zoom})`,
            ['--peer-color' as string]: p.color,
          }}
        >
          <svg width="18" height="18" viewBox="0 0 18 18">
            <path
              d="M1 1 L1 15 L5 11 L8 17 L10 16 L7 10 L13 10 Z"
              fill={p.color}
              stroke="#fff"
              strokeWidth="1.2"
            />
          </svg>
          <span className="peer-cursor-label">{p.name}</span>
        </div>
      ))}
    </FlowLayer>
  );
});
