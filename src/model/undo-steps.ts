/**
 * One undo step per gesture. The undo manager merges edits closer together than
 * UNDO_CAPTURE_MS (history.ts), which is right while a person types a label (one step per
 * pause, not per key) and wrong for gestures: hiding a lane, dropping a card or deleting a node
 * right after typing must each undo on their own. `gestureSteps` wraps the bound commands so
 * that every command not in MERGING_COMMANDS closes the capture group before and after it.
 */
import type { BoundCommands } from './bound-commands';

/** The field edits a person makes by typing: their edits merge into one undo step per pause. */
export const MERGING_COMMANDS: ReadonlySet<keyof BoundCommands> = new Set<keyof BoundCommands>([
  'renameMap',
  'updateNode',
  'updateTouchpoint',
  'renameLane',
  'updateLaneItem',
  'updatePersona',
  // Typing an evidence's source (a level picked right after typing merges with it).
  'setEvidence',
]);

export function gestureSteps(commands: BoundCommands, stopCapturing: () => void): BoundCommands {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(commands) as [keyof BoundCommands, unknown][]) {
    const command = fn as (...args: unknown[]) => unknown;
    out[name] = MERGING_COMMANDS.has(name)
      ? command
      : (...args: unknown[]) => {
          stopCapturing();
          try {
            return command(...args);
          } finally {
            stopCapturing();
          }
        };
  }
  return out as BoundCommands;
}
