// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Expert, Site } from '@shared/contract';
import { inboxOpen } from '../focus';
import { unread } from '../live';
import { InboxButton, inboxWording } from './Inbox';
import { recipients } from './QuestionComposer';
import { routedText } from './QuestionCard';
import { watchTarget } from './WatchToggle';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
afterEach(cleanup);

const person = (n: string) => ({ id: `00000000-0000-4000-8000-00000000000${n.length}`, name: n });
const site: Site = {
  id: '00000000-0000-4000-8000-000000000010',
  origin: 'https://crm.example',
  name: 'CRM',
  rules: {
    keepQuery: [],
    hashRouting: true,
    templates: [
      { name: 'Account', pattern: '/accounts/:id' },
      { name: 'Accounts', pattern: '/accounts' },
    ],
  },
};

describe('watchTarget', () => {
  it('watches the screen a page belongs to, this page when the screen is one page, else the page', () => {
    expect(watchTarget('https://crm.example/accounts/7', 'Account', site)).toEqual({ pattern: 'https://crm.example/accounts/:id', label: 'all Account pages' });
    expect(watchTarget('https://crm.example/accounts', 'Accounts', site)).toEqual({ pattern: 'https://crm.example/accounts', label: 'this page' });
    expect(watchTarget('https://crm.example/reports/7', null, site)).toEqual({ pattern: 'https://crm.example/reports/7', label: 'this page' });
    expect(watchTarget('https://crm.example/accounts/7', 'Account', undefined).label).toBe('this page');
  });
});

describe('routedText', () => {
  it('names who a question went to, ring by ring, with when', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const routes = [
      { person: person('Dave'), ring: 1, at: '2026-11-30T10:00:00Z' },
      { person: person('Erin'), ring: 2, at: '2026-11-30T11:00:00Z' },
      { person: person('Owner'), ring: 2, at: '2026-11-30T11:00:00Z' },
    ];
    expect(routedText(routes, now)).toBe('Routed to Dave · 2 hours ago, then Erin, Owner · 1 hour ago');
  });
});

describe('recipients', () => {
  it('lists each expert once and never the asker', () => {
    const e = (who: { id: string; name: string }, pattern: string): Expert => ({ id: `${who.id}${pattern}`, user: who, scopeId: 's', pattern, createdAt: '' });
    const [dave, ada] = [person('Dave'), person('Ada')];
    expect(recipients([e(dave, '/a/:id'), e(ada, '/a/*'), e(dave, '/a/*')], ada.id).map((x) => x.user.name)).toEqual(['Dave']);
  });
});

describe('InboxButton', () => {
  it('says the unread count and toggles the inbox', () => {
    unread.value = 3;
    render(<InboxButton />);
    const button = screen.getByRole('button', { name: 'Inbox, 3 unread' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(inboxOpen.value).toBe(true);
    unread.value = 0;
    expect(inboxWording.question_routed).toBe('A question was routed to you');
  });
});

