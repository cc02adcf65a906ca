import { describe, expect, it } from 'vitest';
import { liveFocus, personaFocus } from './personasUi';

describe('the persona focus', () => {
  it('falls back to no focus when the persona is deleted', () => {
    const ids = ['persona-business', 'persona-family'];
    personaFocus.set('persona-family');
    expect(liveFocus(personaFocus.get(), ids)).toBe('persona-family');
    // A peer deletes the family: the stored focus stays, but it reads as everyone.
    expect(liveFocus(personaFocus.get(), ['persona-business'])).toBeNull();
    expect(liveFocus(null, ids)).toBeNull();
    // The persona back (undo): the focus is theirs again.
    expect(liveFocus(personaFocus.get(), ids)).toBe('persona-family');
    personaFocus.set(null);
  });
});
