// Inbox: questions routed to you, answers to yours, news on what you watch; the panel's inbox, in the
// console (the same words and the same page link, from shared/ui/inbox.ts).
import { useRef, useState } from 'preact/hooks';
import type { InboxItem, InboxPage } from '@shared/contract';
import { InboxEntry } from '@shared/ui/InboxEntry';
import { inboxLink } from '@shared/ui/inbox';
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
      else await Promise.all(ids.map((id) => api('POST /inbox/{id}/read', { params: { id } })));
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
                {page.items.map((item) => (
                  <Item
                    key={item.id}
                    item={item}
                    onRead={() => {
                      void markRead(page, [item.id]);
                      // The button goes away: keep the keyboard on the item it belonged to.
                      list.current?.querySelector<HTMLElement>(`[data-item="${item.id}"] .inbox-open`)?.focus();
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

/** One item: a link to its page (opening it marks it read), and Mark read while unread. */
function Item({ item, onRead }: { item: InboxItem; onRead: () => void }) {
  const link = inboxLink(item);
  return (
    <li class={`inbox-item${item.readAt ? '' : ' unread'}`} data-testid="inbox-item" data-kind={item.kind} data-item={item.id}>
      {link ? (
        <a class="inbox-open" href={link.url} target="_blank" rel="noopener noreferrer" onClick={() => !item.readAt && onRead()}>
          <InboxEntry item={item} />
          <span class="sr-only"> (opens {link.exact ? 'its page' : 'a page like it'} in a new tab)</span>
        </a>
      ) : (
        <div class="inbox-open" tabIndex={-1}>
          <InboxEntry item={item} />
        </div>
      )}
      {!item.readAt && (
        <button type="button" class="link inbox-read" onClick={onRead}>
          Mark read
        </button>
      )}
    </li>
  );
}
