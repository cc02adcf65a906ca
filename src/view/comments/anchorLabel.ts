/**
 * What a thread is pinned to, as a short text in the UI's language ("Stage “Check-in”"):
 * the words around the model's plain data (model/comments/anchors.ts).
 */
import type { TFunction } from 'i18next';
import { anchorLabel as anchorData } from '../../model/comments/anchors';
import type { CommentAnchor } from '../../model/comments/types';
import type { MapSnapshot } from '../../model/types';

const clip = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const quote = (s: string, t: TFunction) =>
  t('comments:anchor.quoted', { text: clip(s.trim()) || '…' });

export function anchorLabel(anchor: CommentAnchor, map: MapSnapshot, t: TFunction): string {
  const a = anchorData(anchor, map);
  switch (anchor.kind) {
    case 'node': {
      const n = map.nodeById.get(anchor.id);
      return n ? `${t(`editor:kind.${n.kind}`)} ${quote(a.label, t)}` : t('comments:anchor.node');
    }
    case 'touchpoint':
      return a.exists
        ? `${t('editor:kind.touchpoint')} ${quote(a.label.trim() || a.detail || '', t)}`
        : t('editor:kind.touchpoint');
    case 'cell':
      return t('comments:anchor.cell', {
        stage: clip(a.label.trim() || '…', 30),
        lane: clip(a.detail?.trim() || (a.laneType ? t(`grid:laneType.${a.laneType}`) : '…'), 30),
      });
    case 'laneItem':
      return a.exists
        ? `${t('comments:anchor.laneItem')} ${quote(a.label, t)}`
        : t('comments:anchor.laneItem');
    case 'strategy': {
      const section = t(`comments:anchor.section.${anchor.section}`, {
        defaultValue: anchor.section,
      });
      return a.label.trim()
        ? `${t('comments:anchor.strategy', { section })} ${quote(a.label, t)}`
        : t('comments:anchor.strategy', { section });
    }
    case 'point':
      return t('comments:anchor.point');
  }
}
