// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note, PageContext } from '@shared/contract';
import { context, me } from '../store';
import { focusedTip, leavePage, target } from '../tips-store';
import { ada, aNote, ben } from './test-fixtures';
import { TipsNotFound } from './TipsNotFound';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
const asked: unknown[] = [];
vi.mock('../../../messaging', () => ({ askBackground: async (...args: unknown[]) => void asked.push(args) }));
afterEach(cleanup);

const tip = (over: Partial<Note> = {}) =>
  aNote({
    body: 'Merging is final.',
    anchor: {
      selector: [
        { type: 'TextQuoteSelector', exact: 'Merge account' },
        { type: 'AttributeSelector', tag: 'button', attributes: { type: 'button' } },
      ],
    },
    ...over,
  });
const signIn = (who: typeof ada, role: 'member' | 'moderator' = 'member') =>
  (me.value = { user: { ...who, email: 'x@x', role, disabled: false, createdAt: '' }, teams: [] });

describe('TipsNotFound', () => {
  it('lists the tips not found here with what they were attached to, and re-pins on request', () => {
    signIn(ada);
    context.value = { experts: [] } as unknown as PageContext;
    render(<TipsNotFound tips={[tip()]} />);
    expect(screen.getByRole('heading', { name: /Not found on this page/ })).toBeTruthy();
    expect(screen.getByText('button “Merge account”')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Verify' })).toBeNull(); // not flagged
    fireEvent.click(screen.getByRole('button', { name: 'Re-pin' }));
    expect(asked).toContainEqual(['pin:start', { repin: tip().id }]);
  });

  it('folds away under its header, which counts the tips, and opens again', () => {
    signIn(ada);
    context.value = { experts: [] } as unknown as PageContext;
    render(<TipsNotFound tips={[tip(), tip({ id: '00000000-0000-4000-8000-000000000009' })]} />);
    const header = screen.getByRole('button', { name: 'Not found on this page 2' });
    expect(header.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(header);
    expect(header.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Re-pin' })).toBeNull();
    fireEvent.click(header);
    expect(screen.getAllByRole('button', { name: 'Re-pin' })).toHaveLength(2);
  });

  it('offers Verify on a flagged tip to its author, a moderator or an expert for the page, not to others', () => {
    context.value = { experts: [] } as unknown as PageContext;
    signIn(ada);
    const { rerender } = render(<TipsNotFound tips={[tip({ possiblyOutdated: true })]} />);
    expect(screen.getByText('Possibly outdated')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Verify' })).toBeNull();
    signIn(ben);
    rerender(<TipsNotFound tips={[tip({ possiblyOutdated: true })]} />);
    expect(screen.getByRole('button', { name: 'Verify' })).toBeTruthy();
    signIn(ada);
    context.value = { experts: [{ user: ada }] } as unknown as PageContext;
    rerender(<TipsNotFound tips={[tip({ possiblyOutdated: true })]} />);
    expect(screen.getByRole('button', { name: 'Verify' })).toBeTruthy();
  });

  it('shows nothing when every tip was found', () => {
    const { container } = render(<TipsNotFound tips={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('leavePage', () => {
  it('drops the tip shown and a pick made on the old page when the tab moves on; a pick of the new page stays', async () => {
    const pickOn = (pageKey: string) => ({ kind: 'pick' as const, pick: { pageKey, anchor: tip().anchor!, label: 'button “Merge account”', repin: null } });
    focusedTip.value = tip().id;
    target.value = pickOn('https://crm.example/a');
    await leavePage('https://crm.example/b');
    expect(focusedTip.value).toBeNull();
    expect(target.value).toBeNull();
    target.value = pickOn('https://crm.example/b');
    await leavePage('https://crm.example/b');
    expect(target.value).toEqual(pickOn('https://crm.example/b'));
  });
});
