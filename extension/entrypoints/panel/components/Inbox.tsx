import { useEffect, useRef, useState } from 'preact/hooks';
import type { InboxItem } from '@shared/contract';
import { InboxEntry } from '@shared/ui/InboxEntry';
import { groupInbox, type InboxGroup } from '@shared/ui/inbox';
import { problemCopy, problemOf } from '../../../server/problems';
import { inboxOpen } from '../focus';
import { onLive, resyncs, setUnread, unread } from '../live';
import { openItem } from '../open-item';
import { announce, api } from '../store';
import { Empty, Skeleton } from '@shared/ui/states';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: InboxItem[] };

export function Inbox() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = async () => {
    try {
      const page = await api().call('GET /inbox');
      setState({ status: 'ready', items: page.items });
      setUnread(page.unread);
    } catch (err) {
      setState({ status: 'error', message: problemCopy[problemOf(err, navigator.onLine)].message });
    }
  };

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => void reload(), [resyncs.value]);
  // Something arrived or was read elsewhere: the count changed, so the list did.
  useEffect(() => onLive((e) => e.kind === 'inbox.changed' && void reload()), []);

  /** Marks items read (shown at once); true once the server has them read, and the count follows. */
  const markRead = async (ids: string[] | 'all'): Promise<boolean> => {
    if (state.status !== 'ready') return false;
    const now = new Date().toISOString();
    const read = (i: InboxItem) => (ids === 'all' || ids.includes(i.id) ? { ...i, readAt: i.readAt ?? now } : i);
    const newlyRead = ids === 'all' ? 0 : state.items.filter((i) => !i.readAt && ids.includes(i.id)).length;
    setState({ status: 'ready', items: state.items.map(read) });
    try {
      if (ids === 'all') await api().call('POST /inbox/read-all');
      else await api().call('POST /inbox/read', { json: { ids } });
    } catch {
      announce('Could not mark as read. Try again.');
      void reload();
      return false;
    }
    setUnread(ids === 'all' ? 0 : Math.max(0, (unread.value ?? 0) - newlyRead));
    return true;
  };

  /** Opens a group where its newest item is, and marks the whole group read. */
  const open = async (group: InboxGroup) => {
    if (group.unreadIds.length > 0) void markRead(group.unreadIds);
    const { question, note } = group.items[0]!;
    const item = question ? { kind: 'question' as const, ...question } : note ? { kind: 'note' as const, ...note } : null;
    if (!item) return announce('Its page is no longer available.');
    await openItem(item);
  };

  const count = unread.value ?? 0;
  return (
    <section class="inbox" aria-labelledby="inbox-title" data-testid="inbox">
      <div class="toolbar">
        <h2 id="inbox-title" ref={heading} tabIndex={-1}>
          Inbox {count > 0 && <span class="muted">· {count} unread</span>}
        </h2>
        <button type="button" class="link" disabled={state.status !== 'ready' || count === 0} onClick={() => void markRead('all').then((done) => done && announce('All marked read.'))}>
          Mark all read
        </button>
      </div>
      {state.status === 'loading' && <Skeleton />}
      {state.status === 'error' && (
        <div class="empty" role="alert">
          <p class="empty-title">The inbox could not be loaded</p>
          <p class="muted">{state.message}</p>
          <button type="button" class="secondary" onClick={() => void reload()}>Try again</button>
        </div>
      )}
      {state.status === 'ready' && state.items.length === 0 && (
        <Empty title="Nothing in your inbox" message="Questions routed to you, answers to yours and news from pages you watch show up here." />
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <ul class="inbox-list">
          {groupInbox(state.items).map((group) => (
            <li key={group.key} class={`inbox-item${group.unreadIds.length ? ' unread' : ''}`} data-testid="inbox-item" data-kind={group.kind}>
              <button type="button" class="inbox-open" onClick={() => void open(group)}>
                <InboxEntry group={group} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The header's way to the inbox, with the unread count (live). */
export function InboxButton() {
  const n = unread.value ?? 0;
  return (
    <button
      type="button"
      class="icon inbox-button"
      aria-pressed={inboxOpen.value}
      aria-label={n > 0 ? `Inbox, ${n} unread` : 'Inbox'}
      title="Inbox"
      data-testid="inbox-button"
      onClick={() => (inboxOpen.value = !inboxOpen.value)}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M22 12h-6l-2 3h-4l-2-3H2" />
        <path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z" />
      </svg>
      {n > 0 && <span class="inbox-count" aria-hidden="true">{n > 99 ? '99+' : n}</span>}
    </button>
  );
}
