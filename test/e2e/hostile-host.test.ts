// The host page cannot read or hijack colleague content. A host page's scripts look for a private tip's
// words (window.find, the document's text and attributes, shadow roots included); a host page frames the
// panel itself; a host page clobbers the names the extension's scripts look up; a page tries to detect the
// extension by fetching its panel.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { note, panel, suiteWorld } from './world';

const SECRET = 'Vault code 4711';
const marker = (page: Page) => page.locator('[data-testid="alongside-tip-marker"]');

/** Every text and attribute value of the page's document, its open shadow roots included. Runs in the page. */
function documentWords(): string {
  const words: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) words.push(el.getAttribute(attr)!);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
    words.push(root instanceof Document ? root.documentElement.textContent! : [...root.childNodes].map((n) => n.textContent).join(' '));
  };
  visit(document);
  return words.join('\n');
}

describe.skipIf(!chromiumAvailable)('hostile host pages', () => {
  let account: string;
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      account = `${w.demo.origin}/accounts/1001`;
      const merge = { selector: [{ type: 'CssSelector', value: '[data-action="merge"]' }] };
      await note(w, w.ada, account, `${SECRET}: **never** share it.`, { anchor: merge, visibility: 'private' });
    },
  });

  it('finds no colleague text in the host document: not with window.find while the tip is hovered, not in its text or attributes', async () => {
    const page = await ada().context.newPage();
    await page.goto(account);
    await marker(page).hover();
    await page.locator('[role="tooltip"]').waitFor();
    const found = await page.evaluate(
      (words) =>
        words.map((w) => {
          getSelection()!.removeAllRanges(); // each search from the top, wrapping around
          return (window as unknown as { find(s: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean }).find(w, false, false, true);
        }),
      [SECRET, '4711', 'Ada Lovelace', 'never share'],
    );
    expect(found).toEqual([false, false, false, false]);
    const all = await page.evaluate(documentWords);
    expect(all).toContain('Tip'); // the walk reaches the markers' shadow root
    expect(all).not.toContain('4711');
    expect(all).not.toContain('Ada Lovelace');
    // The panel, another origin, shows it.
    await marker(page).click();
    await panel(page).locator('[data-testid="tip-detail"]', { hasText: SECRET }).waitFor();
    await page.close();
  });
});
