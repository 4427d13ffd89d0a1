// The host page cannot read or hijack colleague content. A host page's scripts look for a private tip's
// words (window.find, the document's text and attributes, shadow roots included); a host page frames the
// panel itself; a page tries to detect the extension (fetching its panel, listening to window messages); a
// page clobbers the names the extension's scripts look up.
import type { Page } from '../support/driver';
import { describe, expect, it } from 'vitest';
import { browserAvailable, E2E_BROWSER, playwrightPage } from '../support/browser';
import { closePanelWithEscape, launcherLabel, note, openPanel, panel, suiteWorld } from './world';

const SECRET = 'Vault code 4711';

/**
 * A page that gives its elements the names the extension's scripts could look up: globals of ours and of
 * the libraries (a form passing for the extension API), and every property of `document` they use.
 */
const CLOBBERING_PAGE = `<!doctype html><html lang="en"><head><title>Clobbered</title></head><body>
<div id="alongsideTipLayer"></div><a id="alongsideTipLayer" href="#"></a>
<form id="browser"><input name="runtime" id="clobbered-runtime"><input name="sendMessage"></form>
<div id="navigation"></div>
${['createElement', 'body', 'documentElement', 'querySelector', 'querySelectorAll', 'getElementById', 'elementsFromPoint', 'createRange', 'createTreeWalker', 'defaultView', 'baseURI', 'addEventListener', 'dispatchEvent', 'head', 'evaluate', 'activeElement'].map((name) => `<img name="${name}" alt="">`).join('')}
<main><h1>Clobbered app</h1><button type="button" data-action="merge">Merge account</button></main>
</body></html>`;
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

describe.skipIf(!browserAvailable)('hostile host pages', () => {
  let account: string;
  let clobbering: string;
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      account = `${w.demo.origin}/accounts/1001`;
      clobbering = `${w.demo.origin}/clobbered`;
      const merge = { selector: [{ type: 'CssSelector', value: '[data-action="merge"]' }] };
      await note(w, w.ada, account, `${SECRET}: **never** share it.`, { anchor: merge, visibility: 'private' });
      await note(w, w.ben, clobbering, 'Merging needs a second approver.', { anchor: merge });
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

  it('a host page that frames panel.html itself, even at the URL ours has, gets nothing: no page, no content, no API call', async () => {
    const page = await ada().context.newPage();
    await page.goto(account);
    // The host may learn our frame's URL (the same for every tab all session, e.g. from resource timing).
    await openPanel(page);
    const url = (await page.locator('[data-testid="alongside-panel"]').getAttribute('src'))!;
    await closePanelWithEscape(page);
    // Each panel that starts asks the API who is signed in, once.
    const whoAmI = () => world().server.requests('/auth/me').length;
    const before = whoAmI();

    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'hostile-panel';
      frame.src = src;
      frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;opacity:0.01;z-index:2147483647';
      document.body.append(frame);
      // It even guesses a secret.
      frame.addEventListener('load', () => frame.contentWindow!.postMessage({ type: 'alongside:panel-secret', secret: 'guess' }, '*'));
    }, url);
    const hostile = page.frameLocator('#hostile-panel');
    await hostile.locator('main').waitFor({ state: 'attached' }); // the panel's script ran
    await expect.poll(() => hostile.locator('main').evaluate((el) => el.ownerDocument.readyState)).toBe('complete');

    // Our own panel, opened after it, becomes ready...
    await openPanel(page);
    await panel(page).locator('article.card', { hasText: SECRET }).waitFor();
    // ...while the host's frame shows nothing and asked the API nothing.
    expect(await hostile.locator('main').getAttribute('aria-busy')).toBe('true');
    expect(await hostile.locator('article.card').count()).toBe(0);
    expect(await hostile.locator('body').innerText()).not.toContain('4711');
    expect(whoAmI()).toBe(before + 1); // ours
    await page.close();
  });

  it.runIf(E2E_BROWSER === 'chromium')('a page cannot detect the extension: fetching its panel at the extension id fails, no message names it; our frame still loads [Chromium only: Chrome’s per-session panel URL (use_dynamic_url); Firefox has none, its panel frame’s src names the install’s moz-extension:// UUID]', async () => {
    const page = playwrightPage(await ada().context.newPage());
    await page.addInitScript(() => {
      const heard: string[] = ((window as unknown as { __heard: string[] }).__heard = []);
      addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));
    });
    await page.goto(account);
    const fetched = await page.evaluate(async (id) => {
      try {
        return (await fetch(`chrome-extension://${id}/panel.html`)).status;
      } catch {
        return 'refused';
      }
    }, ada().extensionId);
    expect(fetched).toBe('refused');
    await openPanel(page);
    const src = (await page.locator('[data-testid="alongside-panel"]').getAttribute('src'))!;
    expect(new URL(src).host).not.toBe(ada().extensionId); // the per-session URL
    // Nor does anything our scripts post to the page's window name the extension.
    expect((await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).filter((m) => m.includes(ada().extensionId))).toEqual([]);
    await page.close();
  });

  it('a page that clobbers the names our scripts look up changes nothing: launcher, tip layer, panel and location all work', async () => {
    const page = await ada().context.newPage();
    await page.route(`${clobbering}*`, (route) => route.fulfill({ contentType: 'text/html', body: CLOBBERING_PAGE }));
    await page.goto(clobbering);
    expect(await page.evaluate(() => (document as unknown as Record<string, unknown>).createElement instanceof HTMLImageElement)).toBe(true);
    await launcherLabel(page, /1 tip/);
    await marker(page).waitFor(); // the tip layer loaded and anchored
    await marker(page).click();
    await panel(page).locator('[data-testid="tip-detail"]', { hasText: 'second approver' }).waitFor();
    await closePanelWithEscape(page);
    await page.evaluate(() => history.pushState(null, '', '/clobbered-elsewhere'));
    await launcherLabel(page, /0 tips/);
    await page.close();
  });
});
