import type { z } from 'zod';
import type { createSiteRequest } from '@shared/contract';

/**
 * The rules of the demo app (Northwind CRM, demo/app/), as the seed registers it and the browser suites
 * too: `?tab=` names a page, /legacy/ is hash routed, and its screens (see shared/contract/sites.ts).
 */
export const DEMO_SITE_RULES = {
  keepQuery: ['tab'],
  hashRouting: true,
  templates: [
    { name: 'Account orders', pattern: '/accounts/:id/orders' },
    { name: 'Account', pattern: '/accounts/:id' },
    { name: 'Accounts', pattern: '/accounts' },
    { name: 'Ticket', pattern: '/tickets/:id' },
    { name: 'Tickets', pattern: '/tickets' },
    { name: 'Settings', pattern: '/settings' },
    { name: 'Report', pattern: '/legacy/#/reports/:id' },
    { name: 'Dashboard', pattern: '/' },
  ],
} satisfies z.input<typeof createSiteRequest>['rules'];
