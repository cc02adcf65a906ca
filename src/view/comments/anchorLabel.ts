/** What a thread is pinned to, as a short text in the UI's language ("Stage “Check-in”"). */
import type { TFunction } from 'i18next';
import type { CommentAnchor } from '../../model/comments/types';
import type { MapSnapshot } from '../../model/types';

const quote = (s: string, t: TFunction) => t('comments:anchor.quoted', { text: s.trim() || '…' });
const clip = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function laneTitle(key: string, map: MapSnapshot, t: TFunction): string {
  if (key.startsWith('lane:')) {
    const lane = map.grid.lanes.find((l) => `lane:${l.id}` === key);
    return lane?.title.trim() || (lane ? t(`grid:laneType.${lane.type}`) : key);
  }
  if (key.startsWith('channel:')) {
    const node = map.nodeById.get(key.slice('channel:'.length));
    return node?.label.trim() || t('grid:laneType.channel');
  }
  const setting = map.grid.settings.get(key as never);
  return setting?.title?.trim() || t(`grid:laneType.${key}`, { defaultValue: key });
}

export function anchorLabel(anchor: CommentAnchor, map: MapSnapshot, t: TFunction): string {
  switch (anchor.kind) {
    case 'node': {
      const n = map.nodeById.get(anchor.id);
      return n
        ? `${t(`editor:kind.${n.kind}`)} ${quote(clip(n.label), t)}`
        : t('comments:anchor.node');
    }
    case 'touchpoint': {
      const tp = map.touchpointById.get(anchor.id);
      if (!tp) return t('editor:kind.touchpoint');
      const text =
        tp.action.trim() ||
        `${map.nodeById.get(tp.from)?.label ?? '?'} → ${map.nodeById.get(tp.to)?.label ?? '?'}`;
      return `${t('editor:kind.touchpoint')} ${quote(clip(text), t)}`;
    }
    case 'cell': {
      const stage = map.nodeById.get(anchor.stageId);
      return t('comments:anchor.cell', {
        stage: clip(stage?.label.trim() || '…', 30),
        lane: clip(laneTitle(anchor.laneKey, map, t), 30),
      });
    }
    case 'laneItem': {
      const item = map.grid.items.find((i) => i.id === anchor.id);
      return item
        ? `${t('comments:anchor.laneItem')} ${quote(clip(item.text), t)}`
        : t('comments:anchor.laneItem');
    }
    case 'strategy':
      return t('comments:anchor.strategy', {
        section: t(`comments:anchor.section.${anchor.section}`, { defaultValue: anchor.section }),
      });
    case 'point':
      return t('comments:anchor.point');
  }
}
