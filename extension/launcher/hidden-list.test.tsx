// @vitest-environment happy-dom
// The hidden-launcher list the panel and the options page share: what is hidden, which entry hides it
// here, Show again, and changes made elsewhere (the launcher's menu) show at once.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hiddenLaunchers, hideLauncher } from './hidden';
import { HiddenList } from './HiddenList';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('hidden launchers', () => {
  it('lists pages by their site and path, sites as a whole, marks the one hiding it here, and shows one again', async () => {
    await hideLauncher({ kind: 'page', key: 'https://crm.example/accounts/7?tab=orders', siteName: 'CRM' });
    await hideLauncher({ kind: 'site', key: 'https://wiki.example', siteName: 'Wiki' });
    await hideLauncher({ kind: 'site', key: 'https://wiki.example', siteName: 'Wiki' }); // once is enough
    render(<HiddenList here={{ pageKey: 'https://crm.example/accounts/7?tab=orders', origin: 'https://crm.example' }} />);
    const items = await screen.findAllByTestId('hidden-launcher');
    expect(items.map((i) => i.textContent)).toEqual(['CRM · /accounts/7?tab=orders (hiding it here)Show again', 'all of WikiShow again']);
    fireEvent.click(screen.getByRole('button', { name: 'Show again the launcher on all of Wiki' }));
    await vi.waitFor(async () => expect(await hiddenLaunchers()).toEqual([{ kind: 'page', key: 'https://crm.example/accounts/7?tab=orders', siteName: 'CRM' }]));
    await vi.waitFor(() => expect(screen.getAllByTestId('hidden-launcher')).toHaveLength(1));
  });

  it('says the launcher shows everywhere when nothing is hidden, and follows a hide made elsewhere', async () => {
    render(<HiddenList />);
    await screen.findByText('The launcher shows on every page of your apps.');
    await hideLauncher({ kind: 'site', key: 'https://crm.example', siteName: 'CRM' });
    await screen.findByText('all of CRM');
  });
});
