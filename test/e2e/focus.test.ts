// Focus lands where the person will type when a composer opens (issue #13): the panel is a cross-origin
// frame, where browsers block the autofocus attribute, so the panel focuses the field itself. Checked the
// way a person meets it: the field holds focus and its document has it (keys typed now go there).
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import type { FrameLocator, Locator } from '../support/driver';
import { startPinModeFromPanel } from './pinning';
import { openPanel, panel, suiteWorld } from './world';

/** Whether the field is focused in a document that has the focus. */
const typedInto = (field: Locator) => field.evaluate((el) => el === document.activeElement && document.hasFocus());

describe.skipIf(!browserAvailable)('focus in the panel', () => {
  const { world, ada } = suiteWorld();

  it('lands in the tip composer after a pick in pin mode, though the click was on the page', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1002`);
    await startPinModeFromPanel(page);
    await page.locator('[data-action="merge"]').click();
    const tip = panel(page).getByRole('textbox', { name: 'Tip' });
    await expect.poll(() => typedInto(tip)).toBe(true);
    await page.keyboard.press('x');
    expect(await tip.inputValue()).toBe('x');
    await page.close();
  });

  it('lands in the note composer and in the question composer', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1003`);
    const frame: FrameLocator = await openPanel(page);
    await frame.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => typedInto(frame.getByRole('textbox', { name: 'Note' }))).toBe(true);
    await frame.getByRole('button', { name: 'Close', exact: true }).click();
    await frame.getByRole('tab', { name: /^Questions/ }).click();
    await frame.getByRole('button', { name: 'Ask a question' }).click();
    await expect.poll(() => typedInto(frame.getByRole('textbox', { name: 'Question' }))).toBe(true);
    await page.close();
  });
});
