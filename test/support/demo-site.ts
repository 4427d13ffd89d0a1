// The demo app's site rules as the browser suites register it (test/e2e/world.ts), and unit tests of
// what the rules decide: `?tab=` identifies a page, /legacy/ is hash routed, three screens.
import type { z } from 'zod';
import type { createSiteRequest } from '@shared/contract';

export const DEMO_SITE_RULES = {
  keepQuery: ['tab'],
  hashRouting: true,
  templates: [
    { name: 'Account', pattern: '/accounts/:id' },
    { name: 'Accounts', pattern: '/accounts' },
    { name: 'Report', pattern: '/legacy/#/reports/:id' },
  ],
} satisfies z.input<typeof createSiteRequest>['rules'];
