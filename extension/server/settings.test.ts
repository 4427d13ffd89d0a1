import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enabledOrigins, originPattern, saveServerUrl, serverSetting, setOriginEnabled } from './settings';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('uses the server URL the user typed', async () => {
    await saveServerUrl('https://alongside.corp.example');
    expect(await serverSetting()).toEqual({ url: 'https://alongside.corp.example', managed: false });
  });

  it('prefers the server URL IT set by policy (managed storage), read-only', async () => {
    await saveServerUrl('https://typed.example');
    await fakeBrowser.storage.managed.set({ serverUrl: 'https://policy.corp.example' });
    expect(await serverSetting()).toEqual({ url: 'https://policy.corp.example', managed: true });
  });

  it('remembers which sites the user turned on', async () => {
    await setOriginEnabled('https://crm.example', true);
    await setOriginEnabled('https://wiki.example', true);
    await setOriginEnabled('https://crm.example', false);
    expect(await enabledOrigins()).toEqual(['https://wiki.example']);
  });

  it('grants an origin with its port in Chrome, and by its host in Firefox, whose patterns have no port', () => {
    expect(originPattern('http://127.0.0.1:34302', true)).toBe('http://127.0.0.1:34302/*');
    expect(originPattern('https://crm.example', true)).toBe('https://crm.example/*');
    expect(originPattern('http://127.0.0.1:34302', false)).toBe('http://127.0.0.1/*');
    expect(originPattern('http://[::1]:8080', false)).toBe('http://[::1]/*');
    expect(originPattern('https://crm.example', false)).toBe('https://crm.example/*');
  });
});
