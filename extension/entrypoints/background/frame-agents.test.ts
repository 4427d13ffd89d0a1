import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TipSummary } from '../../messaging';
import { frameTips, setAgent, tellAgents } from './frame-agents';
import { recordAnchoring } from './tips';
import { anchoringKey } from '../../tips/session-keys';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const PARTNER = 'https://partner.example/widget';
const tip = (id: string, frame?: string): TipSummary => ({
  id,
  anchor: { selector: [{ type: 'CssSelector', value: `#${id}` }], ...(frame && { frame }) },
  possiblyOutdated: false,
});
const tips = [tip('page'), tip('partner', PARTNER), tip('other', 'https://other.example/')];

beforeEach(() => fakeBrowser.reset());

describe('frames of other granted sites in a tab', () => {
  it('gives the page its own tips and each frame script only those pinned in its frame', async () => {
    await setAgent(1, 5, PARTNER);
    expect((await frameTips(1, 0, tips)).map((t) => t.id)).toEqual(['page']);
    expect((await frameTips(1, 5, tips)).map((t) => t.id)).toEqual(['partner']);
    // A frame the background does not know as a granted site's, or no longer: nothing.
    expect(await frameTips(1, 6, tips)).toEqual([]);
    await setAgent(1, 5, null);
    expect(await frameTips(1, 5, tips)).toEqual([]);
    expect(await frameTips(2, 5, tips)).toEqual([]);
  });

  it('tells each frame script of the tab, but not the one it heard from', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await setAgent(1, 5, PARTNER);
    await setAgent(1, 7, 'https://other.example/');
    await setAgent(2, 9, PARTNER);
    await tellAgents(1, 'pin:stop', null, 7);
    expect(sent.mock.calls).toEqual([[1, { type: 'pin:stop', data: null }, { frameId: 5 }]]);
  });

  it('merges what the page and its frames found on one page view; another page replaces it', async () => {
    const stored = async () => (await fakeBrowser.storage.session.get(anchoringKey(1)))[anchoringKey(1)];
    await Promise.all([
      recordAnchoring(1, { pageKey: 'https://app.example/claims', outcomes: { page: 'found' } }),
      recordAnchoring(1, { pageKey: 'https://app.example/claims', outcomes: { partner: 'not-found' } }),
    ]);
    expect(await stored()).toEqual({ pageKey: 'https://app.example/claims', outcomes: { page: 'found', partner: 'not-found' } });
    await recordAnchoring(1, { pageKey: 'https://app.example/claims', outcomes: { partner: 'found' } });
    expect(await stored()).toEqual({ pageKey: 'https://app.example/claims', outcomes: { page: 'found', partner: 'found' } });
    await recordAnchoring(1, { pageKey: 'https://app.example/other', outcomes: { page: 'not-found' } });
    expect(await stored()).toEqual({ pageKey: 'https://app.example/other', outcomes: { page: 'not-found' } });
  });
});
