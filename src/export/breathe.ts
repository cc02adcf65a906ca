/**
 * Ends the current task and goes on in a new one (a macrotask: `setTimeout` 0; awaiting a
 * promise alone stays in the same task). Long exports call it between their steps so the page
 * can paint their progress, a cancel can land, and the garbage collector's idle-time scavenge
 * can run: V8 schedules it as a task when the young generation is nearly full, so a step that
 * allocates for long in one task fills the young generation to its end and lifts the heap's
 * peak (bench: the decks' peak heap rows).
 */
export const breathe = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
