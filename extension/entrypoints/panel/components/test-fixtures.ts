// For the panel's component tests only: two colleagues, and a note as the API sends it (Ben's, on one page).
import type { Note } from '@shared/contract';

export const ada = { id: '00000000-0000-4000-8000-00000000000a', name: 'Ada' };
export const ben = { id: '00000000-0000-4000-8000-00000000000b', name: 'Ben' };

export const aNote = (over: Partial<Note> = {}): Note => ({
  id: '00000000-0000-4000-8000-000000000001',
  scopeId: '00000000-0000-4000-8000-000000000002',
  pattern: 'https://crm.example/a',
  body: 'A note',
  visibility: 'org',
  teamId: null,
  anchor: null,
  verified: null,
  possiblyOutdated: false,
  author: ben,
  score: 0,
  votedByMe: false,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  ...over,
});
