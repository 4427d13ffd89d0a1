/**
 * Anchoring in a frame of the app's origin (fixtures/frames.html: a portal whose screen is framed,
 * fixtures/frames-screen.html): an element in the frame is described through the frame, as through a
 * shadow host, and found again after the frame re-renders and after it reloads; the same button in the
 * page outside the frame is never taken for it; gone from the frame, it is not found. (Its rows' own
 * Approve buttons are a plain table's copies, which anchoring declines anywhere: see the matrix.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { anchor as anchorSchema, type Anchor } from '@shared/contract/anchors';
import { chromiumAvailable, suitePage } from './browser';

declare global {
  interface Window {
    Anchoring: typeof import('./page-entry');
  }
}

describe.skipIf(!chromiumAvailable)('anchoring in a same-origin frame (headless Chromium)', () => {
  let page: Page;
  let origin: string;
  suitePage((p, o) => ([page, origin] = [p, o]));
  beforeEach(async () => {
    await page.goto(`${origin}/fixtures/frames.html`);
    await page.frameLocator('#screen').getByRole('button', { name: 'Approve' }).first().waitFor();
  });

  /** Describes the frame's bulk Approve button. */
  const describeBulk = () =>
    page.evaluate(() => {
      const doc = (document.getElementById('screen') as HTMLIFrameElement).contentDocument!;
      return window.Anchoring.describeElement(doc.querySelector('#toolbar button')!);
    });
  /** Where anchoring points now: the frame's toolbar, the page's own header, elsewhere, or its status. */
  const anchorNow = (anchor: Anchor) =>
    page.evaluate((a) => {
      const result = window.Anchoring.anchorElement(document, a);
      if (result.status !== 'found') return result.status;
      const el = result.element;
      return el.closest('#toolbar') ? 'frame toolbar' : el.closest('header') ? 'page header' : el.localName;
    }, anchor);
  const inScreen = (fn: string) => page.evaluate((f) => ((document.getElementById('screen') as HTMLIFrameElement).contentWindow as unknown as { eval(f: string): void }).eval(f), fn);

  it('describes a button in the frame by a chain through the frame, and finds exactly it', async () => {
    const anchor = await describeBulk();
    expect(anchorSchema.safeParse(anchor).success).toBe(true);
    const css = anchor.selector.find((s) => s.type === 'CssSelector')!;
    expect(css.value).toBe('#screen');
    expect(css.refinedBy).toMatchObject({ type: 'CssSelector' });
    // Its text as shown, with the frame's text around it.
    expect(anchor.selector).toContainEqual(expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Approve all 5', prefix: expect.stringContaining('Invoices to approve') }));
    expect(await anchorNow(anchor)).toBe('frame toolbar');
  });

  it('finds it again after the frame re-renders and after the frame reloads', async () => {
    const anchor = await describeBulk();
    await inScreen('list.render()');
    expect(await anchorNow(anchor)).toBe('frame toolbar');
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const frame = document.getElementById('screen') as HTMLIFrameElement;
          frame.addEventListener('load', () => done(), { once: true });
          frame.contentWindow!.location.reload();
        }),
    );
    expect(await anchorNow(anchor)).toBe('frame toolbar');
  });

  it('gone from the frame, it is not found: the page’s own button of the same words is not it', async () => {
    const anchor = await describeBulk();
    await inScreen('list.dropBulk()');
    expect(await anchorNow(anchor)).toBe('not_found');
  });

  it('the watcher follows the frame: a re-render keeps it found, a removal makes it not found', async () => {
    const anchor = await describeBulk();
    await page.evaluate((a) => {
      const w = window as unknown as { latest?: unknown };
      window.Anchoring.watchAnchors(document, new Map([['tip', a]]), (results) => (w.latest = results.get('tip')));
    }, anchor);
    // The watcher's latest answer, read now: an element it kept that the re-render replaced says so.
    const latest = () =>
      page.evaluate(() => {
        const r = (window as unknown as { latest?: ReturnType<typeof window.Anchoring.anchorElement> }).latest;
        if (r?.status !== 'found') return r?.status;
        return `found${r.element.isConnected ? '' : ' (replaced)'}`;
      });
    await expect.poll(latest).toBe('found');
    await inScreen('list.render()');
    await expect.poll(latest).toBe('found');
    await inScreen('list.dropBulk()');
    await expect.poll(latest).toBe('not_found');
  });
});
