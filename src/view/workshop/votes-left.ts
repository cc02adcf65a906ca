/** How many dots I have left in the open round (pure): −1 when no round is open. */
import type { WorkshopSnapshot } from '../../model/workshop/types';

export function myVotesLeft(s: WorkshopSnapshot, voterId: string): number {
  const round = s.active;
  if (!round) return -1;
  const used = s.tallies.get(round.id)?.byVoter.get(voterId) ?? 0;
  return Math.max(0, round.votesPerPerson - used);
}
