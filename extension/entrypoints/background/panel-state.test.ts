// The panel's port: only the tab's own panel hears its tab's state, now and after each change, newest last.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PanelState } from '../../messaging';
import { anchoringKey, targetKey } from '../../tips/session-keys';
import { claimPanel, expectPanel } from './panel-frames';
import { servePanelState } from './panel-state';
import { storeKey } from './tab-pages';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('./tab-pages', async () => {
  const { fakeBrowser: b } = await import('wxt/testing/fake-browser');
  const storeKey = (tabId: number) => `tab:${tabId}`;
  return { storeKey, tabPage: async (tabId: number) => (await b.storage.session.get(storeKey(tabId)))[storeKey(tabId)] ?? null };
});

type Listener = (port: FakePort) => void;
let connect: Listener;
class FakePort {
  name = 'panel-state';
  heard: PanelState[] = [];
  closed = false;
  private onClose: Array<() => void> = [];
  constructor(readonly sender: { tab: { id: number }; frameId: number; documentId: string }) {}
  postMessage(state: PanelState) {
    this.heard.push(state);
  }
  disconnect() {
    this.closed = true;
  }
  onDisconnect = { addListener: (fn: () => void) => this.onClose.push(fn) };
  onMessage = { addListener: () => undefined };
  /** The panel's frame went away. */
  close() {
    this.onClose.forEach((fn) => fn());
  }
}

const page = (pageKey: string) => ({ tabId: 1, pageKey, site: { id: 's', name: 'CRM', origin: 'https://crm.example' }, screen: null, counts: null, problem: null });

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.runtime, { onConnect: { addListener: (fn: Listener) => (connect = fn) } });
  servePanelState();
  await expectPanel(1, 'secret');
  await claimPanel(1, { tab: { id: 1 }, frameId: 4, documentId: 'doc-4' } as never, 'secret');
  await fakeBrowser.storage.session.set({ [storeKey(1)]: page('https://crm.example/a') });
});

describe('the panel port', () => {
  it('sends the tab’s state at once and after each change of it, and nothing of other tabs', async () => {
    const port = new FakePort({ tab: { id: 1 }, frameId: 4, documentId: 'doc-4' });
    connect(port);
    await vi.waitFor(() => expect(port.heard).toHaveLength(1));
    expect(port.heard[0]).toEqual({ page: page('https://crm.example/a'), anchoring: null, target: null });
    await fakeBrowser.storage.session.set({ [targetKey(1)]: { kind: 'tip', tipId: 't1' } });
    await fakeBrowser.storage.session.set({ [anchoringKey(1)]: { pageKey: 'https://crm.example/a', outcomes: { t1: 'found' } } });
    await fakeBrowser.storage.session.set({ [storeKey(2)]: page('https://crm.example/other-tab') });
    await vi.waitFor(() => expect(port.heard.at(-1)?.anchoring?.outcomes).toEqual({ t1: 'found' }));
    expect(port.heard.at(-1)?.target).toEqual({ kind: 'tip', tipId: 't1' });
    expect(port.heard.every((s) => s.page?.pageKey === 'https://crm.example/a')).toBe(true);
    // A closed port hears nothing more: by the time a port opened after it hears a change, it has not.
    port.close();
    const count = port.heard.length;
    const next = new FakePort({ tab: { id: 1 }, frameId: 4, documentId: 'doc-4' });
    connect(next);
    await vi.waitFor(() => expect(next.heard).toHaveLength(1));
    await fakeBrowser.storage.session.set({ [storeKey(1)]: page('https://crm.example/b') });
    await vi.waitFor(() => expect(next.heard.at(-1)?.page?.pageKey).toBe('https://crm.example/b'));
    expect(port.heard).toHaveLength(count);
  });

  it('closes the port of any frame that is not the tab’s panel, telling it nothing', async () => {
    const port = new FakePort({ tab: { id: 1 }, frameId: 9, documentId: 'doc-9' });
    connect(port);
    await vi.waitFor(() => expect(port.closed).toBe(true));
    await fakeBrowser.storage.session.set({ [storeKey(1)]: page('https://crm.example/b') });
    expect(port.heard).toEqual([]);
  });
});
