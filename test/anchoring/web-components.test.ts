/**
 * Anchoring in an app built from web components (fixtures/web-components.html): elements inside open
 * shadow roots, nested four deep, with slotted labels, in cards repeated per record. An element is
 * found again after its component re-renders or the list is rebuilt; look-alikes in
 * other cards are told apart by the text around them; a removed one is not found, never another. Old
 * anchors (recorded before anchoring read shadow roots) still anchor: identically on a page without
 * components, and on the same element here.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { anchor as anchorSchema, type Anchor } from '@shared/contract/anchors';
import { chromiumAvailable, suitePage } from './browser';
import type { Seen } from './in-page-components';

declare global {
  interface Window {
    Anchoring: typeof import('./page-entry');
    wc: { rerender(record: string): void; recreate(): void; resort(): void; remove(record: string): void; add(r: Record<string, string>): void; defineLate(): void; clicks: string[] };
  }
}

const card = (record: string) => ['wc-app', 'wc-card-list', `wc-card[record="${record}"]`];
const APPROVE_1042 = [...card('INV-1042'), 'wc-button', 'button'];
const ACME = { record: 'INV-1042', company: 'Acme Corp', amount: '$1,200.00' };

describe.skipIf(!chromiumAvailable)('anchoring in web components (headless Chromium)', () => {
  let page: Page;
  let origin: string;
  suitePage((p, o) => ([page, origin] = [p, o]));
  beforeEach(async () => {
    await page.goto(`${origin}/fixtures/web-components.html`);
  });

  const describeAt = (path: string[]) => page.evaluate((p) => window.Anchoring.components.describe(p), path);
  const anchorNow = (anchor: Anchor) => page.evaluate((a) => window.Anchoring.components.anchorNow(a), anchor);
  const found = (element: string) => ({ status: 'found', element });
  const strip = (s: Seen) => ({ status: s.status, element: s.element });

  it('describes a button four shadow roots deep by a chain through each host, its text and the text around it as shown', async () => {
    const anchor = await describeAt(APPROVE_1042);
    expect(anchorSchema.safeParse(anchor).success).toBe(true);
    const css = anchor.selector.find((s) => s.type === 'CssSelector')!;
    const chain: string[] = [];
    for (let s: typeof css | undefined = css; s?.type === 'CssSelector'; s = s.refinedBy?.type === 'CssSelector' ? s.refinedBy : undefined) chain.push(s.value);
    expect(chain).toHaveLength(5); // wc-app, wc-card-list, a wc-card, a wc-button, then the button itself
    expect(anchor.selector).toContainEqual(expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Approve', suffix: expect.stringMatching(/^ ?Reject INV-1043/) }));
    const quote = anchor.selector.find((s) => s.type === 'TextQuoteSelector')!;
    expect(quote.prefix).toContain('$1,200.00 due on receipt');
    expect(strip(await anchorNow(anchor))).toEqual(found('INV-1042 button “Approve”'));
  });

  it('finds exactly that button after its card re-renders, and after the whole list is rebuilt', async () => {
    const anchor = await describeAt(APPROVE_1042);
    await page.evaluate(() => window.wc.rerender('INV-1042'));
    expect(strip(await anchorNow(anchor))).toEqual(found('INV-1042 button “Approve”'));
    await page.evaluate(() => window.wc.recreate());
    expect(strip(await anchorNow(anchor))).toEqual(found('INV-1042 button “Approve”'));
  });

  it('after a re-sort, where another record’s card took its place and CSS path, declines rather than point at it', async () => {
    // The matrix's known limit for row buttons (a re-sort changes the text after the button): too close to call.
    const anchor = await describeAt(APPROVE_1042);
    await page.evaluate(() => window.wc.resort());
    expect(strip(await anchorNow(anchor))).toEqual({ status: 'not_found', element: undefined });
  });

  it('tells look-alike buttons of different cards apart by their record; true twins are refused and not anchored', async () => {
    const paths = ['INV-1040', 'INV-1043', 'INV-1045'].map((r) => [...card(r), 'wc-button', 'button']);
    const anchors = await Promise.all(paths.map(describeAt));
    expect((await Promise.all(anchors.map(anchorNow))).map(strip)).toEqual([
      found('INV-1040 button “Approve”'),
      found('INV-1043 button “Approve”'),
      found('INV-1045 button “Approve”'),
    ]);
    expect(await page.evaluate((p) => window.Anchoring.components.pinnable(p), APPROVE_1042)).toEqual({ ok: true });
    // Three more cards for the same record: the Approve buttons of the first two of them read the same,
    // and so does the text on either side, in two component instances.
    for (let i = 0; i < 3; i++) await page.evaluate((r) => window.wc.add(r), ACME);
    const twin = ['wc-app', 'wc-card-list', 'wc-card:nth-child(7)', 'wc-button', 'button'];
    expect(await page.evaluate((p) => window.Anchoring.components.pinnable(p), twin)).toEqual({ ok: false, reason: 'indistinguishable_twins', twins: 1 });
    expect((await anchorNow(await describeAt(twin))).status).toBe('not_found');
    // The original keeps its own neighbours: still pinnable, still found.
    expect(await page.evaluate((p) => window.Anchoring.components.pinnable(p), APPROVE_1042)).toEqual({ ok: true });
    expect(strip(await anchorNow(anchors[0]!))).toEqual(found('INV-1040 button “Approve”'));
  });

  it('says not found when the card is removed, never another card’s button', async () => {
    const anchor = await describeAt(APPROVE_1042);
    await page.evaluate(() => window.wc.remove('INV-1042'));
    expect(strip(await anchorNow(anchor))).toEqual({ status: 'not_found', element: undefined });
  });

  it('finds slotted light-DOM content, controls of nested components and a field labelled in its shadow root', async () => {
    const targets = [['h1[slot="title"]'], ['wc-app', 'wc-toolbar', 'wc-button.refresh', 'button'], ['wc-app', 'wc-toolbar', 'wc-field', 'input']];
    const anchors = await Promise.all(targets.map(describeAt));
    expect(anchors[2]!.selector).toContainEqual(expect.objectContaining({ type: 'AttributeSelector', attributes: expect.objectContaining({ label: 'Search invoices' }) }));
    await page.evaluate(() => window.wc.recreate());
    expect((await Promise.all(anchors.map(anchorNow))).map(strip)).toEqual([found('page h1 “Approvals”'), found('page button “Refresh”'), found('page input “”')]);
  });

  it('reads nothing inside a closed shadow root', async () => {
    const text = await page.evaluate(() => new window.Anchoring.PageSnapshot(document).text.text);
    expect(text).toContain('Approve');
    expect(text).not.toContain('Reveal balance');
  });

  it('keeps the watcher current through changes made only inside shadow roots, those attached after it started too', async () => {
    const anchor = await describeAt(APPROVE_1042);
    await page.evaluate((a) => window.Anchoring.components.watch(a), anchor);
    const watched = async () => {
      const s = await page.evaluate(() => window.Anchoring.components.watched());
      return s && strip(s);
    };
    const removeApprove = () => page.evaluate((p) => window.Anchoring.components.deep(p).remove(), [...card('INV-1042'), 'wc-button']);
    await expect.poll(watched).toEqual(found('INV-1042 button “Approve”'));
    // Inside the card's shadow root only: the document sees no mutation.
    await removeApprove();
    await expect.poll(watched).toEqual({ status: 'not_found', element: undefined });
    // The list re-renders from its data: every card is attached anew, its shadow root with it.
    await page.evaluate(() => window.wc.recreate());
    await expect.poll(watched).toEqual(found('INV-1042 button “Approve”'));
    // The new card re-renders (its new root only): the button kept would be detached, out of its card.
    await page.evaluate(() => window.wc.rerender('INV-1042'));
    await expect.poll(watched).toEqual(found('INV-1042 button “Approve”'));
    await removeApprove();
    await expect.poll(watched).toEqual({ status: 'not_found', element: undefined });
  });

  it('finds an element of a component defined after the watcher started (its shadow root attached with no document change)', async () => {
    await page.evaluate(() => window.wc.defineLate());
    const anchor = await describeAt(['wc-notice', 'wc-button', 'button']);
    await page.reload();
    await page.evaluate((a) => window.Anchoring.components.watch(a), anchor);
    await expect.poll(() => page.evaluate(() => window.Anchoring.components.watched()?.status)).toBe('not_found');
    await page.evaluate(() => window.wc.defineLate());
    await expect.poll(() => page.evaluate(() => window.Anchoring.components.watched()?.element), { timeout: 10_000 }).toBe('page button “Extend session”');
  });

  describe('anchors recorded before anchoring read shadow roots', () => {
    const recorded = JSON.parse(readFileSync('test/anchoring/fixtures/pre-shadow-anchors.json', 'utf8')) as Record<string, { selector: string; anchor: Anchor; confidence: number }[]>;

    it('on a page without components: described the same today, and anchored the same', async () => {
      await page.goto(`${origin}/fixtures/invoices.html`);
      const now = await page.evaluate(
        (old) =>
          old.map(({ selector, anchor }) => {
            const el = document.querySelector(selector)!;
            const result = window.Anchoring.anchorElement(document, anchor);
            return { anchor: window.Anchoring.describeElement(el), same: result.status === 'found' && result.element === el, confidence: result.status === 'found' ? result.confidence : 0 };
          }),
        recorded['invoices.html']!,
      );
      expect(now).toEqual(recorded['invoices.html']!.map(({ anchor, confidence }) => ({ anchor, same: true, confidence })));
    });

    it('of document elements on this page: still found on the same element, now that the text read includes the components’', async () => {
      const now = await page.evaluate(
        (old) =>
          old.map(({ selector, anchor }) => {
            const result = window.Anchoring.anchorElement(document, anchor);
            return result.status === 'found' && result.element === document.querySelector(selector);
          }),
        recorded['web-components.html']!,
      );
      expect(now).toEqual(recorded['web-components.html']!.map(() => true));
    });
  });
});
