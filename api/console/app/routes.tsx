// Every page of the console and its address, in one list: the router and the navigation read it. Each
// page is its own chunk, loaded when it is opened, so the console's first script stays small.
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';

type Page = ComponentType;

export interface Section {
  path: string;
  label: string;
  /** Shown in the navigation to admins only (the API refuses the rest to others anyway). */
  admin?: boolean;
}

/** The navigation, in order. */
export const sections: Section[] = [
  { path: '/', label: 'Home' },
  { path: '/browse', label: 'Browse' },
  { path: '/inbox', label: 'Inbox' },
  { path: '/apps', label: 'Apps', admin: true },
  { path: '/people', label: 'People', admin: true },
  { path: '/experts', label: 'Experts', admin: true },
  { path: '/webhooks', label: 'Webhooks', admin: true },
  { path: '/server', label: 'Server', admin: true },
];

/** The signed-in pages by path (preact-iso patterns: `:id`, `*`). */
export const pages: Array<{ path: string; page: Page }> = [
  { path: '/', page: lazy(() => import('./pages/home')) },
  { path: '/setup', page: lazy(() => import('./pages/setup')) },
  { path: '/browse', page: lazy(() => import('./pages/browse')) },
  { path: '/browse/*', page: lazy(() => import('./pages/browse')) },
  { path: '/inbox', page: lazy(() => import('./pages/inbox')) },
  { path: '/apps', page: lazy(() => import('./pages/apps')) },
  { path: '/apps/*', page: lazy(() => import('./pages/apps')) },
  { path: '/people', page: lazy(() => import('./pages/people')) },
  { path: '/people/*', page: lazy(() => import('./pages/people')) },
  { path: '/experts', page: lazy(() => import('./pages/experts')) },
  { path: '/webhooks', page: lazy(() => import('./pages/webhooks')) },
  { path: '/webhooks/*', page: lazy(() => import('./pages/webhooks')) },
  { path: '/server', page: lazy(() => import('./pages/server')) },
];
