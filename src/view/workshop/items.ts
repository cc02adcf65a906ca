/** What a vote round's target offers to vote on, from a snapshot (pure). */
import { customerTouchpoints } from '../../model/touchpoint-kinds';
import type { MapSnapshot } from '../../model/types';
import { itemKeyOf, type VoteTarget } from '../../model/workshop/types';

export interface VoteItem {
  readonly key: string;
  readonly text: string;
  /** The stage it belongs to, for context ("Check-in"). */
  readonly stage: string;
}

/** The items of `target` in journey order (stage order, then the map's order). */
export function voteItems(s: MapSnapshot, target: VoteTarget): VoteItem[] {
  const stageOf = (id: string) => {
    const n = s.nodeById.get(id);
    return n?.kind === 'stage' ? n : undefined;
  };
  const rows = customerTouchpoints(s).map((tp) => {
    const stage = stageOf(tp.from) ?? stageOf(tp.to);
    return { tp, stage: stage?.label ?? '', order: stage?.kind === 'stage' ? stage.order : 1e9 };
  });
  rows.sort((a, b) => a.order - b.order);
  const out: VoteItem[] = [];
  for (const { tp, stage } of rows) {
    if (target === 'touchpoints')
      out.push({ key: itemKeyOf(tp.id), text: tp.action.trim(), stage });
    else {
      const list = target === 'painPoints' ? tp.painPoints : tp.opportunities;
      list.forEach((text, i) => {
        if (text.trim()) out.push({ key: itemKeyOf(tp.id, i), text: text.trim(), stage });
      });
    }
  }
  return out;
}
