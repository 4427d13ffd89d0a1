// How the panel looks and reads: axe-core finds no serious or critical violation; the host page's CSS
// does not change it (screenshots with and without the host's stylesheets match); dark mode
// follows the system. Screenshots land in screensDir (a folder per browser) for a human look.
import { join } from 'node:path';
import type { Page } from '../support/driver';
import { describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import { seriousViolations } from './axe';
import { launcher, note, openPanel, panelFrame, suiteWorld } from './world';

type Box = { x: number; y: number; width: number; height: number };

const shots = screensDir('');

/**
 * Pixels that differ between two PNG screenshots of the same size, counted in the browser (canvas),
 * so no image library is needed. Rasterizing is not bit-exact at a few edge pixels from run to run.
 */
async function differentPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([pngA, pngB]) => {
      const pixels = async (base64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return { width: bitmap.width, height: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const [x, y] = await Promise.all([pixels(pngA), pixels(pngB)]);
      if (x.width !== y.width || x.height !== y.height) return Number.POSITIVE_INFINITY;
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) differing++;
      }
      return differing;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

describe.skipIf(!browserAvailable)('appearance and accessibility', () => {
  let url: string;
  const { ada } = suiteWorld({
    setUp: async (w) => {
      url = `${w.demo.origin}/accounts/1005`;
      await note(w, w.ben, url, 'Use the **renewal** checklist:\n\n1. Confirm the owner\n2. Check `payment terms`\n\n[Checklist](https://wiki.example/renewal)');
      await note(w, w.ben, url, 'The merge button is final.', { anchor: { selector: [{ type: 'CssSelector', value: '[data-action="merge"]' }] } });
      await w.server.api.request('POST', '/questions', { token: w.ben.token, json: { pattern: url, title: 'Who signs renewals over 100k?' } });
      await w.server.api.request('POST', '/experts', { token: w.admin.token, json: { userId: w.ben.user.id, pattern: `${w.demo.origin}/accounts/*` } });
    },
  });

  it('axe-core finds no serious or critical violation in the panel (notes, questions, composer) or the options page', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    const frame = await openPanel(page);
    await frame.locator('article.card').first().waitFor();
    expect(await seriousViolations(panelFrame(page))).toEqual([]);

    await frame.getByRole('tab', { name: /Questions/ }).click();
    await frame.getByRole('button', { name: 'Who signs renewals over 100k?' }).click();
    await frame.getByRole('textbox', { name: 'Your answer' }).waitFor();
    await frame.getByRole('button', { name: 'Ask a question' }).click();
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    await page.screenshot({ path: join(shots, 'panel-questions.png') });

    const options = await ada().openExtensionPage('options.html');
    await options.getByText('Northwind CRM').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
    await page.close();
  });

  it("is not changed by the host page's CSS: the same screenshot with and without it", async () => {
    const capture = async (withHostCss: boolean) => {
      const page = await ada().context.newPage();
      await page.goto(url);
      if (!withHostCss) await page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"], style').forEach((el) => el.remove()));
      const frame = await openPanel(page);
      await frame.locator('article.card').nth(1).waitFor();
      await page.mouse.move(0, 0);
      const box = (await page.locator('[data-testid="alongside-panel"]').boundingBox())!;
      // Inset past the rounded corners, where the host page shows through.
      const image = await page.screenshot({
        clip: { x: box.x + 14, y: box.y + 14, width: box.width - 28, height: box.height - 28 },
        path: join(shots, `panel-${withHostCss ? 'with' : 'without'}-host-css.png`),
      });
      await page.screenshot({ path: join(shots, `page-${withHostCss ? 'with' : 'without'}-host-css.png`) });
      await page.close();
      return image;
    };
    const withCss = await capture(true);
    const withoutCss = await capture(false);
    // The host's CSS would change fonts, colours and layout: thousands of pixels. Allow rasterizing noise.
    const scratch = await ada().context.newPage();
    expect(await differentPixels(scratch, withCss, withoutCss)).toBeLessThan(50);
    await scratch.close();
  });

  it("keeps the launcher off the host's own floating controls; it can be dragged to the other edge and stays there", async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    // The launcher settles off the host's controls once its saved place is known not to exist.
    const offTheBubble = async () => !overlaps((await launcher(page).boundingBox())!, (await page.locator('.nw-chat-bubble').boundingBox())!);
    await expect.poll(offTheBubble).toBe(true);
    const launcherBox = (await launcher(page).boundingBox())!;

    await page.mouse.move(launcherBox.x + 10, launcherBox.y + 10);
    await page.mouse.down();
    await page.mouse.move(300, 400, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => launcher(page).getAttribute('data-side')).toBe('left');
    expect(await page.locator('[data-testid="alongside-panel"]').count()).toBe(0); // a drag is not a click
    await page.reload();
    await launcher(page).waitFor();
    await expect.poll(() => launcher(page).getAttribute('data-side')).toBe('left');
    await page.close();
  });

  it('follows the system dark mode', async () => {
    const page = await ada().context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(url);
    const frame = await openPanel(page);
    await frame.locator('article.card').first().waitFor();
    const background = await frame.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(31, 35, 43)');
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    await page.screenshot({ path: join(shots, 'panel-dark.png') });
    await page.close();
  });
});
