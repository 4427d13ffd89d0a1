// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabPage } from '../../messaging';
import { hiddenLaunchers } from '../../launcher/hidden';
import { dockAt } from './dock';
import { createLauncher } from './launcher';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const page = (over: Partial<TabPage> = {}): TabPage => ({
  tabId: 1,
  pageKey: 'https://crm.example/a',
  site: { id: 's', name: 'CRM', origin: 'https://crm.example' },
  screen: null,
  counts: { notes: 2, tips: 0, questions: 3, openQuestions: 1 },
  problem: null,
  ...over,
});

/** A launcher in the document, settled, the background answering its shortcuts as bound now. */
async function mounted(shortcut = 'Ctrl+Shift+Y', onActivate = () => {}) {
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string }, _: unknown, respond: (answer: unknown) => void) => {
    if (message.type !== 'commands:list') return undefined;
    respond([{ name: 'toggle-panel', description: '', shortcut }]);
    return true;
  }) as never);
  const launcher = createLauncher(onActivate);
  document.body.append(launcher.root);
  launcher.show(page());
  await launcher.settle();
  return launcher;
}
const pill = (l: { root: HTMLElement }) => l.root.querySelector<HTMLElement>('.launcher')!;
const press = (el: Element, key: string, mods: KeyboardEventInit = {}) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }));

describe('launcher', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.replaceChildren();
  });

  it('shows the counts it has and names them, with the shortcut as bound now', async () => {
    const launcher = createLauncher(() => {});
    launcher.show(page());
    const visible = [...launcher.element.querySelectorAll<HTMLElement>('.count')].filter((c) => !c.hidden).map((c) => `${c.dataset.kind}=${c.textContent}`);
    expect(visible).toEqual(['notes=2', 'openQuestions=1']);
    expect(launcher.element.getAttribute('aria-label')).toBe('Alongside: 2 notes, 0 tips, 1 open question. Open the panel');
    const settled = await mounted('Ctrl+Shift+Y');
    expect(settled.element.getAttribute('aria-label')).toBe('Alongside: 2 notes, 0 tips, 1 open question. Open the panel (Ctrl+Shift+Y)');
    settled.stop();
  });

  it('flags a problem and says it needs attention', () => {
    const launcher = createLauncher(() => {});
    launcher.show(page({ counts: null, problem: 'expired' }));
    expect(launcher.element.dataset.state).toBe('problem');
    expect(launcher.element.getAttribute('aria-label')).toContain('needs your attention');
  });

  it('opens on click and reflects the open state', () => {
    const activate = vi.fn();
    const launcher = createLauncher(activate);
    launcher.element.click();
    launcher.setOpen(true);
    expect(activate).toHaveBeenCalledOnce();
    expect(launcher.element.getAttribute('aria-expanded')).toBe('true');
  });

  it('docks to the nearer edge and stays off the viewport edges', () => {
    const viewport = { width: 1000, height: 800 };
    expect(dockAt(100, 400, viewport, 36)).toEqual({ side: 'left', bottom: 382 });
    expect(dockAt(900, 795, viewport, 36)).toEqual({ side: 'right', bottom: 16 });
    expect(dockAt(900, 0, viewport, 36).bottom).toBe(800 - 36 - 16);
  });

  it('moves with Alt+arrows, says where it went, and remembers it for the site', async () => {
    const launcher = await mounted();
    const status = launcher.root.querySelector('[role="status"]')!;
    press(launcher.element, 'ArrowUp', { altKey: true });
    expect(pill(launcher).style.bottom).toBe('144px');
    expect(status.textContent).toBe('Alongside launcher moved up');
    press(launcher.element, 'ArrowLeft', { altKey: true });
    expect(launcher.side()).toBe('left');
    expect(status.textContent).toBe('Alongside launcher moved to the left edge');
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get(null))[`launcher:${location.origin}`]).toEqual({ side: 'left', bottom: 144, covered: 0 }));
    launcher.stop();
  });

  it('opens its menu with Shift+F10, moves through it with the arrows and closes with Escape to where it was', async () => {
    const launcher = await mounted();
    const more = launcher.root.querySelector<HTMLElement>('.more')!;
    press(launcher.element, 'F10', { shiftKey: true });
    const menu = launcher.root.querySelector<HTMLElement>('[role="menu"]')!;
    expect(menu.hidden).toBe(false);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const items = [...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent);
    expect(items).toEqual(['Move to the left edge', 'Hide on this page', 'Hide on this site']);
    expect((launcher.root.getRootNode() as Document).activeElement?.textContent).toBe('Move to the left edge');
    press(document.activeElement!, 'ArrowUp');
    expect(document.activeElement?.textContent).toBe('Hide on this site');
    press(document.activeElement!, 'Escape');
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(more);
    launcher.stop();
  });

  it('hides on this page by its page key, explains how it comes back, and Undo brings it back', async () => {
    const activate = vi.fn();
    const launcher = await mounted('Alt+Shift+A', activate);
    launcher.root.querySelector<HTMLElement>('.more')!.click();
    launcher.root.querySelector<HTMLElement>('[data-item="hide-page"]')!.click();
    expect(pill(launcher).hidden).toBe(true);
    expect(activate).not.toHaveBeenCalled(); // the item's click is the menu's, not the launcher's
    const toast = launcher.root.querySelector<HTMLElement>('[data-testid="alongside-launcher-toast"]')!;
    expect(toast.textContent).toContain('The toolbar button and Alt+Shift+A still open Alongside');
    await vi.waitFor(async () => expect(await hiddenLaunchers()).toEqual([{ kind: 'page', key: 'https://crm.example/a', siteName: 'CRM' }]));
    // Another page of the site still shows it.
    launcher.show(page({ pageKey: 'https://crm.example/b' }));
    expect(pill(launcher).hidden).toBe(false);
    launcher.show(page());
    expect(pill(launcher).hidden).toBe(true);
    toast.querySelector('button')!.click(); // Undo
    expect(pill(launcher).hidden).toBe(false);
    await vi.waitFor(async () => expect(await hiddenLaunchers()).toEqual([]));
    launcher.stop();
  });

  it('follows what another program stored: hidden on the site, shown again from the panel', async () => {
    const launcher = await mounted();
    await fakeBrowser.storage.local.set({ 'launcher:hidden': [{ kind: 'site', key: 'https://crm.example', siteName: 'CRM' }] });
    await vi.waitFor(() => expect(pill(launcher).hidden).toBe(true));
    await fakeBrowser.storage.local.set({ 'launcher:hidden': [] });
    await vi.waitFor(() => expect(pill(launcher).hidden).toBe(false));
    launcher.stop();
  });
});
