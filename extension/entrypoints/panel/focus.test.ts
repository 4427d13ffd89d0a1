// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
const { focusItem, inboxOpen } = await import('./focus');
const { section, status } = await import('./store');
const { focusedTip } = await import('./tips-store');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focusItem', () => {
  it('leaves a tip discussion for the list and focuses the note, also under "Not found on this page"', async () => {
    inboxOpen.value = true;
    focusedTip.value = 'other-tip';
    section.value = 'questions';
    // As TipsNotFound draws a tip the page does not show.
    document.body.innerHTML = '<article><span id="missing-n1">Ada</span></article>';
    focusItem('note', 'n1');
    expect(focusedTip.value).toBeNull();
    expect(inboxOpen.value).toBe(false);
    expect(section.value).toBe('notes');
    await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('ARTICLE'));
  });

  it('says so when the item does not show', async () => {
    focusItem('note', 'gone');
    await vi.waitFor(() => expect(status.value).toBe('That item is no longer shown on this page.'), { timeout: 3000 });
  });
});
