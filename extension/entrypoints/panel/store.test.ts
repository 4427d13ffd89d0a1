// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '@shared/contract';
import { ApiFailure } from '@shared/client';
import { fakeApi, type Handler } from '../../server/fake-api';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
const context = vi.fn<Handler<'GET /context'>>();
const api = fakeApi({ 'GET /context': context, 'GET /auth/me': async () => ({ user: { id: 'u' } }) as never });
vi.mock('../../server/settings', () => ({
  sessionClient: async () => ({ api, session: { serverUrl: 'https://api.example' } }),
}));
// The background answers that the server is still granted (panel:server-granted), null to the rest.
vi.mock('../../messaging', () => ({ askBackground: async (type: string) => type === 'panel:server-granted' || null }));
const store = await import('./store');

const ctx = (pageKey: string) => ({ pageKey, counts: { notes: 0, tips: 0, openQuestions: 0 }, notes: [], questions: [], experts: [] }) as unknown as PageContext;
const tabPage = (pageKey: string) => ({ tabId: 1, pageKey, screen: null, site: { id: 's', name: 'CRM' } }) as never;
const blip = () => new ApiFailure('unreachable', 503, 'unavailable', 'The server did not answer.');

beforeEach(() => {
  context.mockReset();
  store.page.value = tabPage('https://crm.example/a');
  store.context.value = null;
  store.view.value = 'loading';
});

describe('load', () => {
  it('shows the problem when nothing of this page is shown yet, quiet or not', async () => {
    context.mockRejectedValue(blip());
    await store.load({ quiet: true });
    expect(store.view.value).toBe('problem');
    expect(store.problem.value).toBe('unreachable');
  });

  it('quiet: a failure keeps this page shown; a normal load shows the problem', async () => {
    context.mockResolvedValue(ctx('https://crm.example/a'));
    await store.load();
    expect(store.view.value).toBe('ready');
    context.mockRejectedValue(blip());
    await store.load({ quiet: true });
    expect(store.view.value).toBe('ready');
    expect(store.context.value?.pageKey).toBe('https://crm.example/a');
    await store.load();
    expect(store.view.value).toBe('problem');
  });

  it('quiet on another page than the one shown: its failure is shown', async () => {
    context.mockResolvedValue(ctx('https://crm.example/a'));
    await store.load();
    store.page.value = tabPage('https://crm.example/b');
    context.mockRejectedValue(blip());
    await store.load({ quiet: true });
    expect(store.view.value).toBe('problem');
  });
});
