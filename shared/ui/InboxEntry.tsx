// The text of one inbox item (the dot, what happened, its subject, where and when): the panel wraps it in
// a button that opens the item in place, the console in a link to its page.
import type { InboxItem } from '@shared/contract';
import { timeAgo } from './format';
import { inboxSubject, inboxWhere, inboxWording } from './inbox';

export function InboxEntry({ item }: { item: InboxItem }) {
  const subject = inboxSubject(item);
  return (
    <>
      <span class="inbox-dot" aria-hidden="true" />
      <span class="inbox-text">
        <span class="inbox-kind">
          {!item.readAt && <span class="sr-only">Unread: </span>}
          {inboxWording[item.kind]}
        </span>
        {subject && <span class="inbox-subject">“{subject}”</span>}
        <span class="muted inbox-where">
          {inboxWhere(item)} · <time dateTime={item.createdAt}>{timeAgo(item.createdAt)}</time>
        </span>
      </span>
    </>
  );
}
