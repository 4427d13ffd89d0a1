// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { TabPage } from '../../messaging';
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

describe('launcher', () => {
  it('shows the counts it has and names them for screen readers', () => {
    const launcher = createLauncher(() => {});
    launcher.show(page());
    const visible = [...launcher.element.querySelectorAll<HTMLElement>('.count')].filter((c) => !c.hidden).map((c) => `${c.dataset.kind}=${c.textContent}`);
    expect(visible).toEqual(['notes=2', 'openQuestions=1']);
    expect(launcher.element.getAttribute('aria-label')).toBe('Alongside: 2 notes, 0 tips, 1 open question. Open the panel (Alt+Shift+A)');
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
});
