/**
 * Which elements can be pinned: those an anchor tells apart from every other element by more than
 * their place. An element with an indistinguishable twin (same tag, recorded attributes, own text and
 * text around it) is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launch, type TestBrowser } from './browser';

declare global {
  interface Window {
    Anchoring: typeof import('./page-entry');
  }
}

describe.skipIf(!chromiumAvailable)('pinnability (headless Chromium)', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const check = async (path: string, selectors: string[]) => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${browser.origin}/fixtures/${path}`);
      return await page.evaluate(
        (s) =>
          s.map((selector) => {
            const el = document.querySelector(selector);
            if (!el) throw new Error(`no element for ${selector}`);
            return window.Anchoring.pinnability(el);
          }),
        selectors,
      );
    } finally {
      await page.close();
    }
  };

  it('refuses identical twin buttons, and counts their twins', async () => {
    // The fourth button's extra test id does not tell the others apart: their anchors do not record one.
    const [first, middle, last] = await check('twins.html', ['.notice:nth-of-type(1) button', '.notice:nth-of-type(2) button', '.notice:nth-of-type(3) button']);
    for (const result of [first, middle, last]) expect(result).toEqual({ ok: false, reason: 'indistinguishable_twins', twins: 3 });
  });

  it('accepts the same button when a recorded attribute tells it apart', async () => {
    expect(await check('twins.html', ['[data-testid="dismiss-last"]'])).toEqual([{ ok: true }]);
  });

  it('accepts distinctive elements: a test id, a row button with its own row text, a labelled input', async () => {
    const results = await check('invoices.html', ['[data-testid="new-invoice"]', 'tbody tr:nth-child(3) button', 'input[name="customer"]']);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
  });
});
