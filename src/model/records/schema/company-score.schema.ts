/** The zod schema of a restored company score (snapshot form): what `restoreCompanyScore` returns satisfies it. */
import { z } from 'zod';
import type { CompanyScore } from '../../types';
import { extra, id, score, short } from '../support/fields.schema';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

export const companyScoreRecordSchema = z.strictObject({
  id,
  name: short,
  digitalCompetence: score.optional(),
  serviceCulture: score.optional(),
  extra,
});

export type CompanyScoreSchemaMatchesType = Assert<
  Same<Out<typeof companyScoreRecordSchema>, Typed<CompanyScore>>
>;
