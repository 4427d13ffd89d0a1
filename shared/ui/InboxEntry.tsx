// The text of one inbox entry, a group of items about one thing (the dot, who did what, its subject, where
// and when): the panel wraps it in a button that opens it in place, the console in a link to its page.
import { timeAgo } from './format';
import { inboxHeadline, inboxSubject, inboxWhere, type InboxGroup } from './inbox';

export function InboxEntry({ group }: { group: InboxGroup }) {
  const newest = group.items[0]!;
  const subject = inboxSubject(newest);
  return (
    <>
      <span class="inbox-dot" aria-hidden="true" />
      <span class="inbox-text">
        <span class="inbox-kind">
          {group.unreadIds.length > 0 && <span class="sr-only">Unread: </span>}
          {inboxHeadline(group)}
        </span>
        {subject && <span class="inbox-subject">“{subject}”</span>}
        <span class="muted inbox-where">
          {inboxWhere(newest)} · <time dateTime={newest.createdAt}>{timeAgo(newest.createdAt)}</time>
        </span>
      </span>
    </>
  );
}
