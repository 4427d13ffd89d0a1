import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { claimPanel, expectPanel, isPanel } from './panel-frames';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const frame = (frameId: number, documentId = `doc-${frameId}`) => ({ tab: { id: 1 }, frameId, documentId }) as Parameters<typeof isPanel>[1];

beforeEach(() => fakeBrowser.reset());

describe('panel frames', () => {
  it('makes the first frame that presents the expected secret the panel, and answers no other frame of the tab', async () => {
    await expectPanel(1, 'right');
    expect(await claimPanel(1, frame(3), 'wrong')).toBe(false);
    expect(await isPanel(1, frame(3))).toBe(false);
    expect(await claimPanel(1, frame(4), 'right')).toBe(true);
    expect(await isPanel(1, frame(4))).toBe(true);
    // The secret is spent; a host page's own frame, or a new document in the panel's frame, is not the panel.
    expect(await claimPanel(1, frame(5), 'right')).toBe(false);
    expect(await isPanel(1, frame(5))).toBe(false);
    expect(await isPanel(1, frame(4, 'reloaded'))).toBe(false);
  });

  it('refuses the top frame and any frame before a panel is expected; a new panel replaces the old one', async () => {
    expect(await claimPanel(1, frame(3), 'any')).toBe(false);
    await expectPanel(1, 'first');
    expect(await claimPanel(1, frame(0), 'first')).toBe(false);
    expect(await claimPanel(1, frame(3), 'first')).toBe(true);
    await expectPanel(1, 'second');
    expect(await isPanel(1, frame(3))).toBe(false);
    expect(await claimPanel(1, frame(6), 'second')).toBe(true);
    expect(await isPanel(1, frame(6))).toBe(true);
  });
});
