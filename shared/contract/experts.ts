import { z } from 'zod';
import { id, person, timestamp } from './common';
import { pattern } from './notes';

export const expert = z
  .object({ id, user: person, scopeId: id, pattern: z.string(), createdAt: timestamp })
  .meta({ id: 'Expert', description: 'A person responsible for the pages a scope matches.' });
export type Expert = z.infer<typeof expert>;

export const createExpertRequest = z.object({ userId: id, pattern }).meta({ id: 'CreateExpertRequest' });
