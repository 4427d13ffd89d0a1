// @vitest-environment happy-dom
// The options page while it reads its settings, and while connecting: the browser's permission prompt is
// easy to miss (it opens beside the address bar), so the page says what it waits for, then for the server.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
vi.mock('../../messaging', () => ({ askBackground: async () => null }));
const { Options } = await import('./Options');

/** The shortcuts as the browser has them bound (the fake browser has no commands of its own). */
let bound: Array<{ name: string; shortcut: string }> = [];
beforeEach(() => {
  bound = [];
  fakeBrowser.commands.getAll = async () => bound;
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  fakeBrowser.reset();
});

/** A promise and the function that settles it: the browser's prompt, answered when the test says. */
function later<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

describe('the options page', () => {
  it('says it is reading its settings before they are there', () => {
    render(<Options />);
    expect(screen.getByText('Reading your settings…')).toBeTruthy();
  });

  it("names the panel's shortcut as bound now, or that none is set", async () => {
    bound = [{ name: 'toggle-panel', shortcut: 'Ctrl+Shift+Y' }];
    render(<Options />);
    await screen.findByText('Shortcut: Ctrl+Shift+Y opens the panel on a granted site, as does the toolbar button.');
    cleanup();
    bound = [{ name: 'toggle-panel', shortcut: '' }];
    render(<Options />);
    await screen.findByText('The toolbar button opens the panel on a granted site (no shortcut is set for it).');
  });

  it('says the browser is asking for the server, then that it checks the server, then that it is connected', async () => {
    const prompt = later<boolean>();
    const health = later<Response>();
    fakeBrowser.permissions.request = () => prompt.promise;
    vi.stubGlobal('fetch', () => health.promise);
    render(<Options />);
    fireEvent.input(await screen.findByLabelText('Server URL'), { target: { value: 'http://127.0.0.1:8420' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    await screen.findByText(/Your browser asks whether Alongside may reach http:\/\/127\.0\.0\.1:8420: answer its prompt/);
    expect((screen.getByRole('button', { name: 'Connecting…' }) as HTMLButtonElement).disabled).toBe(true);
    prompt.settle(true);
    await screen.findByText('Checking that http://127.0.0.1:8420 is an Alongside server…');
    health.settle(new Response(JSON.stringify({ ok: true, version: '1.2.3', needsAdmin: false })));
    await screen.findByText('Connected (API 1.2.3).');
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
  });

  it('says what to do when the prompt is refused', async () => {
    fakeBrowser.permissions.request = async () => false;
    render(<Options />);
    fireEvent.input(await screen.findByLabelText('Server URL'), { target: { value: 'http://127.0.0.1:8420' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByText(/Click Connect again and allow it/);
    expect(screen.queryByText(/answer its prompt/)).toBeNull();
  });
});
