// Inbox: questions routed to you, answers to yours, news on what you watch; the panel's inbox, in the
// console (the same words and the same page link, from shared/ui/inbox.ts).
import { useRef, useState } from 'preact/hooks';
import type { InboxItem, InboxPage } from '@shared/contract';
import { InboxEntry } from '@shared/ui/InboxEntry';
import { groupInbox, inboxLink, type InboxGroup } from '@shared/ui/inbox';
import { Empty } from '@shared/ui/states';
import { api, problemOf } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import './inbox.css';

export default function InboxPage() {
  const { loaded, reload, set } = useLoad(() => api('GET /inbox'));
  const [status, setStatus] = useState('');
  const list = useRef<HTMLUListElement>(null);

  /** Marks items read at once on screen; the server's answer confirms it, or the list is read again. */
  const markRead = async (page: InboxPage, ids: string[] | 'all') => {
    const now = new Date().toISOString();
    const read = (i: InboxItem) => (ids === 'all' || ids.includes(i.id) ? { ...i, readAt: i.readAt ?? now } : i);
    const items = page.items.map(read);
    set({ items, unread: items.filter((i) => !i.readAt).length });
    try {
      if (ids === 'all') await api('POST /inbox/read-all');
      else await api('POST /inbox/read', { json: { ids } });
      setStatus(ids === 'all' ? 'All marked read.' : 'Marked read.');
    } catch (err) {
      setStatus(`Could not mark as read: ${problemOf(err)}`);
      void reload();
    }
  };

  const unread = loaded.state === 'ready' ? loaded.data.unread : 0;
  return (
    <Page
      title="Inbox"
      intro="Questions routed to you, answers to yours, news on what you watch: the same inbox as in the panel."
      actions={
        loaded.state === 'ready' && (
          <button type="button" class="secondary" disabled={unread === 0} onClick={() => void markRead(loaded.data, 'all')}>
            Mark all read
          </button>
        )
      }
    >
      <p class="sr-only" role="status">{status}</p>
      <Loading loaded={loaded} retry={reload}>
        {(page) => (
          <>
            <p class="inbox-count-line" data-testid="unread-count">
              {page.unread === 0 ? 'Nothing unread' : `${page.unread} unread`}
            </p>
            {page.items.length === 0 ? (
              <Empty title="Nothing in your inbox" message="Questions routed to you, answers to yours and news from pages you watch show up here." />
            ) : (
              <ul class="inbox-list" ref={list}>
                {groupInbox(page.items).map((group) => (
                  <Item
                    key={group.key}
                    group={group}
                    onRead={() => {
                      void markRead(page, group.unreadIds);
                      // The button goes away: keep the keyboard on the entry it belonged to.
                      list.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(group.key)}"] .inbox-open`)?.focus();
                    }}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </Loading>
    </Page>
  );
}

/** One entry (a group of items about one thing): a link to its page (opening it marks the group read), and Mark read while unread. */
function Item({ group, onRead }: { group: InboxGroup; onRead: () => void }) {
  const link = inboxLink(group.items[0]!);
  const unread = group.unreadIds.length > 0;
  return (
    <li class={`inbox-item${unread ? ' unread' : ''}`} data-testid="inbox-item" data-kind={group.kind} data-item={group.key}>
      {link ? (
        <a class="inbox-open" href={link.url} target="_blank" rel="noopener noreferrer" onClick={() => unread && onRead()}>
          <InboxEntry group={group} />
          <span class="sr-only"> (opens {link.exact ? 'its page' : 'a page like it'} in a new tab)</span>
        </a>
      ) : (
        <div class="inbox-open" tabIndex={-1}>
          <InboxEntry group={group} />
        </div>
      )}
      {unread && (
        <button type="button" class="link inbox-read" onClick={onRead}>
          Mark read
        </button>
      )}
    </li>
  );
}
