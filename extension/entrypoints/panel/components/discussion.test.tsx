// @vitest-environment happy-dom
// A reply goes through the outbox like a note: with the server away it waits in its discussion (not in
// the page's list while the discussion shows), a refused one says why, either can be discarded, and one
// the background sends later joins the replies. The background here is the real outbox on WXT's fake
// storage; `server` is what the API answers its sends.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiFailure } from '@shared/client';
import type { NoteReply } from '@shared/contract';
import type { OutboxEntry } from '../../../messaging';
import { Outbox } from '../../background/outbox';
import { fakeApi, type Handler } from '../../../server/fake-api';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));
const outbox = new Outbox(fakeBrowser.storage.local);
let server: (entry: OutboxEntry) => Promise<void>;
vi.mock('../../../messaging', () => ({
  askBackground: async (type: string, data: unknown) => {
    if (type === 'outbox:add') {
      const { id } = await outbox.add(data as OutboxEntry);
      await outbox.flush((entry) => server(entry), { force: true });
      return (await outbox.list()).find((i) => i.id === id) ?? null;
    }
    if (type === 'outbox:discard') await outbox.discard((data as { id: string }).id);
    return null;
  },
}));
// This frame is the panel (claiming it is background/panel-frames.ts's, tested there): its page is set below.
vi.mock('../claim', () => ({ claimPage: async () => null }));
const replies = vi.fn<Handler<'GET /notes/{id}/replies'>>();
const client = fakeApi({ 'GET /notes/{id}/replies': replies });
vi.mock('../store', async (original) => ({ ...(await original<typeof import('../store')>()), api: () => client }));
const { page, pendingHere, start } = await import('../store');
const { Discussion } = await import('./Discussion');
const { PendingList } = await import('./PendingList');

const pageKey = 'https://crm.example/accounts/7';
const away = async () => {
  throw new ApiFailure('unreachable', 0, 'network_error', 'The server did not answer.');
};
const reply = (body: string) => ({ id: 'r1', noteId: 'n1', body, author: { id: 'u1', name: 'Ada' }, createdAt: '2026-12-01T10:00:00Z' }) as NoteReply;

/** The page's pending list, and the discussion of note n1 when it is shown. */
const Panel = ({ discussion = true }: { discussion?: boolean }) => (
  <>
    <PendingList items={pendingHere.value} />
    {discussion && <Discussion noteId="n1" pageKey={pageKey} />}
  </>
);
const waitingInDiscussion = () => screen.findByRole('region', { name: 'Replies waiting to be sent' });
const pageList = () => screen.queryByRole('region', { name: 'Waiting to be sent' });
const replyBox = () => screen.getByRole('textbox', { name: 'Your reply' }) as HTMLTextAreaElement;
const writeReply = async (text: string) => {
  fireEvent.input(await screen.findByRole('textbox', { name: 'Your reply' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Reply', exact: true }));
};

beforeAll(async () => {
  await start(); // the panel follows the outbox in storage from here on
  page.value = { tabId: 1, pageKey, site: { id: 's', name: 'CRM', origin: 'https://crm.example' }, screen: null, counts: null, problem: null };
});
beforeEach(() => {
  replies.mockResolvedValue([]);
  server = away;
});
afterEach(async () => {
  cleanup();
  await fakeBrowser.storage.local.clear();
});

describe('a reply, through the outbox', () => {
  it('waits in its discussion while the server is away, in the page’s list once the discussion closes, until discarded', async () => {
    const { rerender } = render(<Panel />);
    await writeReply('Also check credits.');
    const waiting = await waitingInDiscussion();
    await waitFor(() => expect(waiting.textContent).toContain('Pending — will be sent when the server is back'));
    expect(waiting.textContent).toContain('Reply: Also check credits.');
    expect(pageList()).toBeNull();
    await waitFor(() => expect(replyBox().value).toBe(''));

    rerender(<Panel discussion={false} />);
    await waitFor(() => expect(pageList()?.textContent).toContain('Reply: Also check credits.'));
    fireEvent.click(within(pageList()!).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(pageList()).toBeNull());
    expect(await outbox.list()).toEqual([]);
  });

  it('refused by the server, it stays with the reason and the text stays in the box', async () => {
    server = async () => {
      throw new ApiFailure('rejected', 400, 'validation_failed', 'body: too long');
    };
    render(<Panel />);
    await writeReply('Too long');
    const waiting = await waitingInDiscussion(); // queued first, then refused
    await waitFor(() => expect(waiting.textContent).toContain('Not accepted by the server: body: too long'));
    expect(replyBox().value).toBe('Too long');
  });

  it('sent later by the background, it joins the replies', async () => {
    render(<Panel />);
    await writeReply('Sent when back');
    await waitingInDiscussion();
    replies.mockResolvedValue([reply('Sent when back')]);
    await waitFor(() => expect(replyBox().value).toBe('')); // its first attempt is over
    await outbox.flush(async () => undefined, { force: true }); // the server is back: the background sends it
    await screen.findByText('Sent when back', { selector: '[data-testid="reply"] *' });
    expect(screen.queryByRole('region', { name: 'Replies waiting to be sent' })).toBeNull();
  });

  it('sent at once, it shows in the replies and waits nowhere', async () => {
    server = async () => undefined;
    render(<Panel />);
    replies.mockResolvedValue([]);
    await screen.findByText('No replies yet.');
    replies.mockResolvedValue([reply('Straight in')]);
    await writeReply('Straight in');
    await screen.findByText('Straight in', { selector: '[data-testid="reply"] *' });
    expect(screen.queryByRole('region', { name: 'Replies waiting to be sent' })).toBeNull();
    expect(await outbox.list()).toEqual([]);
  });
});
