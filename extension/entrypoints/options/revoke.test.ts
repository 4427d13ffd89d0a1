// Turning a site off gives its permission back, but in Firefox one pattern covers every port of a host
// (server/settings.ts originPattern): there it stays while the server or another turned-on site needs it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('../../messaging', () => ({ askBackground: async () => null }));
const { revokeSite } = await import('./connect');
const { enabledOrigins, saveServerUrl, setOriginEnabled } = await import('../../server/settings');

const removed: string[][] = [];
beforeEach(async () => {
  fakeBrowser.reset();
  removed.length = 0;
  fakeBrowser.permissions.remove = async ({ origins }: { origins?: string[] }) => (removed.push(origins ?? []), true);
  await saveServerUrl('http://127.0.0.1:8420');
  for (const o of ['http://127.0.0.1:34302', 'http://127.0.0.1:5173', 'https://crm.example']) await setOriginEnabled(o, true);
});
afterEach(() => vi.unstubAllGlobals());

describe('revokeSite', () => {
  it('in Chrome removes the origin’s own pattern, port and all', async () => {
    await revokeSite('http://127.0.0.1:34302');
    expect(removed).toEqual([['http://127.0.0.1:34302/*']]);
    expect(await enabledOrigins()).not.toContain('http://127.0.0.1:34302');
  });

  it('in Firefox keeps the host’s pattern while the server or another site is on that host, and removes it otherwise', async () => {
    vi.stubGlobal('location', { protocol: 'moz-extension:' });
    await revokeSite('http://127.0.0.1:34302');
    await revokeSite('http://127.0.0.1:5173');
    expect(removed).toEqual([]); // the server, on 127.0.0.1:8420, still needs http://127.0.0.1/*
    await revokeSite('https://crm.example');
    expect(removed).toEqual([['https://crm.example/*']]);
    expect(await enabledOrigins()).toEqual([]);
  });
});
