// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { panelShown } from '../../../messaging/panel-layout-message';
import { loadLayout } from '../../../panel-layout/preference';
import { shownAs } from '../layout';
import { LayoutSwitch } from './LayoutSwitch';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
afterEach(() => {
  cleanup();
  shownAs.value = null;
  fakeBrowser.reset();
});

/** The content script's message, as its frame receives it from the parent window. */
const tell = (data: unknown, source: MessageEventSource | null = window.parent) =>
  window.dispatchEvent(new MessageEvent('message', { data, source }));

describe('the header switch between docked and floating', () => {
  it('offers the other mode and remembers the choice; absent until told, and where only floating fits', async () => {
    render(<LayoutSwitch />);
    expect(screen.queryByRole('button')).toBeNull();

    tell(panelShown('docked', true));
    const toFloat = await screen.findByRole('button', { name: 'Float the panel over the page' });
    fireEvent.click(toFloat);
    await waitFor(async () => expect((await loadLayout()).mode).toBe('floating'));

    tell(panelShown('floating', true));
    fireEvent.click(await screen.findByRole('button', { name: 'Dock the panel beside the page' }));
    await waitFor(async () => expect((await loadLayout()).mode).toBe('docked'));

    tell(panelShown('floating', false));
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
  });

  it('ignores the message from any window but its parent', async () => {
    render(<LayoutSwitch />);
    tell(panelShown('docked', true), null);
    await Promise.resolve();
    expect(shownAs.value).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
