// How an inbox item reads, in the panel and in the console alike: what happened, what it is about, where.
import type { InboxItem, InboxKind } from '@shared/contract';
import { pageLink, type PageLink } from '@shared/page-key';

/** What happened, in the reader's terms; the item's question title or note excerpt follows. */
export const inboxWording: Record<InboxKind, string> = {
  question_routed: 'A question was routed to you',
  answer_posted: 'Your question has a new answer',
  answer_accepted: 'Your answer was accepted',
  note_reply: 'New reply to your note',
  tip_outdated: 'A tip may be outdated',
  watched_activity: 'New on a page you watch',
};

/** The question's title or the note's excerpt. */
export const inboxSubject = (item: InboxItem) => item.question?.title ?? item.note?.excerpt ?? '';

/** Where the item leads: its page, or one page of the several its pattern covers; null when gone. */
export function inboxLink(item: InboxItem): PageLink | null {
  const pattern = item.question?.pattern ?? item.note?.pattern ?? null;
  return pattern ? pageLink(pattern) : null;
}

/** The item's page, in words: its path, or "pages like …" for a pattern of several pages. */
export function inboxWhere(item: InboxItem): string {
  const pattern = item.question?.pattern ?? item.note?.pattern ?? null;
  const link = inboxLink(item);
  if (!pattern || !link) return 'Its page is no longer available';
  const url = new URL(link.url);
  if (link.exact) return url.pathname + url.search + url.hash;
  return `Pages like ${pattern.replace(url.origin, '')}`;
}
