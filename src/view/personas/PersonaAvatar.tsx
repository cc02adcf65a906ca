/** A persona's avatar: their initials on their colour (white on a palette colour: 4.5:1 or more). */
import { personaInitials } from '../../model/personas';
import type { Persona } from '../../model/types';

export function PersonaAvatar({ persona, size = 32 }: { persona: Persona; size?: number }) {
  return (
    <span
      className="persona-avatar"
      aria-hidden="true"
      style={{ background: persona.color, width: size, height: size, fontSize: size * 0.4 }}
    >
      {personaInitials(persona.name)}
    </span>
  );
}
