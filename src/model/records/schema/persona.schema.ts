/** The zod schema of a restored persona (snapshot form): what `restorePersona` returns satisfies it. */
import { z } from 'zod';
import type { Persona } from '../../types';
import { extra, id, listOf, numberOf, textOf } from '../support/fields.schema';
import { PERSONA_COLORS, PERSONA_LIMITS as L } from '../persona';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const personaRecordSchema = z.strictObject({
  id,
  name: textOf(L.name),
  role: textOf(L.role),
  quote: textOf(L.quote),
  goals: listOf(textOf(L.goals), L.goals),
  needs: listOf(textOf(L.needs), L.needs),
  frustrations: listOf(textOf(L.frustrations), L.frustrations),
  color: z.enum(PERSONA_COLORS),
  order: numberOf(L.order, false),
  extra,
});

export type PersonaSchemaMatchesType = Assert<
  Same<Omit<Out<typeof personaRecordSchema>, 'color'>, Omit<Typed<Persona>, 'color'>>
>;
