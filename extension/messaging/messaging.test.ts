import { describe, expect, it, vi } from 'vitest';
import { backgroundListener, tabListener } from './index';

type BackgroundHandlers = Parameters<typeof backgroundListener>[0];

const page = { tabId: 7, pageKey: 'https://crm.example/a', site: { id: 's', name: 'CRM', origin: 'https://crm.example' }, screen: null, counts: null, problem: null };

function handlers(overrides: Partial<BackgroundHandlers> = {}): BackgroundHandlers {
  const none = async () => null;
  return {
    'page:located': none,
    'panel:expect': none,
    'panel:page': none,
    'panel:context': none,
    'panel:close': none,
    'panel:target-done': none,
    'panel:server-granted': async () => true,
    'panel:open-tab': none,
    'panel:options': none,
    'outbox:add': none,
    'outbox:discard': none,
    'outbox:flush': none,
    'sites:sync': none,
    'inbox:unread': none,
    'commands:list': async () => [],
    'tips:layer': none,
    'tips:page': none,
    'tips:anchored': none,
    'tips:report': none,
    'pin:start': none,
    'panel:target': none,
    'frame:start': none,
    'frame:located': none,
    'panel:open': none,
    'pin:ended': none,
    ...overrides,
  };
}

describe('backgroundListener', () => {
  it('answers a known request with its handler, given the data and the sender', async () => {
    const located = vi.fn(async () => page);
    const listen = backgroundListener(handlers({ 'page:located': located }));
    const sender = { tab: { id: 7 } } as Parameters<typeof listen>[1];
    await expect(listen({ type: 'page:located', data: { url: 'https://crm.example/a?x=1' } }, sender)).resolves.toEqual(page);
    expect(located).toHaveBeenCalledWith({ url: 'https://crm.example/a?x=1' }, sender);
  });

  it('leaves anything else to other listeners (returns undefined)', () => {
    const listen = backgroundListener(handlers());
    for (const message of [null, 'page:located', { type: 'unknown', data: null }, { type: 'toString' }, { data: 1 }]) {
      expect(listen(message, {})).toBeUndefined();
    }
  });

  it('turns a throwing handler into a rejected answer', async () => {
    const listen = backgroundListener(handlers({ 'panel:page': () => { throw new Error('This message must come from a tab.'); } }));
    await expect(listen({ type: 'panel:page', data: null }, {})).rejects.toThrow('must come from a tab');
  });
});

describe('tabListener', () => {
  it('dispatches the background’s messages to the content script', () => {
    const shown: unknown[] = [];
    const toggled = vi.fn();
    const listen = tabListener({
      'page:update': (p) => shown.push(p),
      'panel:toggle': toggled,
      'panel:close': () => {},
      'pin:start': () => {},
      'tips:refresh': () => {},
    });
    listen({ type: 'page:update', data: page });
    listen({ type: 'panel:toggle', data: null });
    listen({ type: 'page:located', data: {} }); // a background request, not for tabs
    expect(shown).toEqual([page]);
    expect(toggled).toHaveBeenCalledOnce();
  });
});
