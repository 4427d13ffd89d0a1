// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '@shared/contract';
import type { OutboxItem } from '../../../messaging';
import { me } from '../store';
import { NoteCard } from './NoteCard';
import { PendingList } from './PendingList';
import { Empty } from '@shared/ui/states';
import { ProblemState } from './States';
import { ada, aNote, ben } from './test-fixtures';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
afterEach(cleanup);

const note = (over: Partial<Note> = {}) => aNote({ body: 'Check **this**', score: 2, ...over });

// Markdown sanitizing is checked in a real browser (test/e2e/hostile-content.test.ts): DOMPurify needs a real DOM.

describe('NoteCard', () => {
  it('shows a colleague’s note with its markdown, a tip marker and a vote button, without edit or delete', () => {
    me.value = { user: { ...ada, email: 'ada@x', role: 'member', disabled: false, createdAt: '' }, teams: [] };
    render(<NoteCard note={note({ anchor: { selector: [{ type: 'CssSelector', value: '#x' }] }, possiblyOutdated: true })} />);
    expect(screen.getByText('this').tagName).toBe('STRONG');
    expect(screen.getByText('Tip')).toBeTruthy();
    expect(screen.getByText('Possibly outdated')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Helpful/ }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('lets me edit and delete my own note, labels its visibility, and shows its score with no vote button', () => {
    me.value = { user: { ...ben, email: 'ben@x', role: 'member', disabled: false, createdAt: '' }, teams: [] };
    render(<NoteCard note={note({ visibility: 'private' })} />);
    expect(screen.getByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
    expect(screen.getByText('Only me')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Helpful/ })).toBeNull();
    expect(screen.getByTitle('Colleagues who found it helpful').textContent).toBe('Helpful votes: 2');
  });
});

describe('states', () => {
  it('an expired session says so and leads to sign-in', () => {
    render(<ProblemState problem="expired" />);
    expect(screen.getByRole('alert').textContent).toContain('Your session has ended');
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
  });

  it('the server being unreachable offers a retry', () => {
    render(<ProblemState problem="unreachable" />);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('the empty page invites the first note', () => {
    render(<Empty title="No notes here yet: be the first" message="…" />);
    expect(screen.getByText('No notes here yet: be the first')).toBeTruthy();
  });

  it('pending posts say they wait for the server; rejected ones say why', () => {
    const item = (id: string, lastError: OutboxItem['lastError']): OutboxItem => ({
      id,
      entry: { kind: 'question', pageKey: 'https://crm.example/a', body: { pattern: 'p', title: `Q ${id}`, body: '', visibility: 'org', teamId: null } },
      key: `key-of-${id}`,
      createdAt: 0,
      attempts: 1,
      nextAttemptAt: 0,
      lastError,
    });
    render(<PendingList items={[item('1', { kind: 'retrying', message: 'down' }), item('2', { kind: 'rejected', message: 'title: too long' })]} />);
    const rows = screen.getAllByTestId('pending-item');
    expect(rows[0]!.textContent).toContain('Pending — will be sent when the server is back');
    expect(rows[0]!.textContent).toContain('Question: Q 1');
    expect(rows[1]!.textContent).toContain('Not accepted by the server: title: too long');
  });
});
