// How the inbox reads, in the panel and in the console alike: its items grouped per thing they are about
// ("3 new answers" on one question), who acted, what it is about, where it leads.
//
// Grouping happens here, not in the API: the API's page stays one row per item (each can be marked read,
// live counts stay per item), and both inboxes import this one function, so they cannot group differently.
import type { InboxItem, InboxKind, Person } from '@shared/contract';
import { pageLink, type PageLink } from '@shared/page-key';
import { plural } from '@shared/text/plural';

/** What happened, in the reader's terms, when nobody is named (a tip outdated, hidden content). */
export const inboxWording: Record<InboxKind, string> = {
  question_routed: 'A question was routed to you',
  answer_posted: 'Your question has a new answer',
  answer_accepted: 'Your answer was accepted',
  note_reply: 'New reply to your note',
  tip_outdated: 'A tip may be outdated',
  watched_activity: 'New on a page you watch',
};

/** What the named people did ("Ben Okafor answered your question"), and what several of it are called. */
const acted: Record<InboxKind, { verb: string; one: string; many: string }> = {
  question_routed: { verb: 'asked you as an expert', one: 'question routed to you', many: 'questions routed to you' },
  answer_posted: { verb: 'answered your question', one: 'answer', many: 'answers' },
  answer_accepted: { verb: 'accepted your answer', one: 'answer accepted', many: 'answers accepted' },
  note_reply: { verb: 'replied to your note', one: 'reply', many: 'replies' },
  tip_outdated: { verb: 'reported a tip outdated', one: 'tip outdated report', many: 'tip outdated reports' },
  watched_activity: { verb: 'wrote on a page you watch', one: 'item on a page you watch', many: 'items on a page you watch' },
};

/** Items of one kind about one note or question, newest first: one entry of the inbox. */
export interface InboxGroup {
  /** Stable while the group exists: its kind and what it is about (or its only item's id). */
  key: string;
  kind: InboxKind;
  /** Newest first; the first is what the entry shows (its subject, place and time). */
  items: InboxItem[];
  /** Unread items' ids: what opening the entry, or its Mark read, marks. */
  unreadIds: string[];
  /** Everyone who acted, each once, the newest first. */
  actors: Person[];
}

const aboutKey = (item: InboxItem) =>
  item.question ? `q:${item.question.id}` : item.note ? `n:${item.note.id}` : `i:${item.id}`; // hidden content: alone

/** The inbox's groups, newest first (by their newest item); takes the API's items, newest first. */
export function groupInbox(items: InboxItem[]): InboxGroup[] {
  const groups = new Map<string, InboxGroup>();
  for (const item of items) {
    const key = `${item.kind} ${aboutKey(item)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, kind: item.kind, items: [], unreadIds: [], actors: [] }));
    group.items.push(item);
    if (!item.readAt) group.unreadIds.push(item.id);
    if (item.actor && !group.actors.some((a) => a.id === item.actor!.id)) group.actors.push(item.actor);
  }
  return [...groups.values()];
}

/** "Ben Okafor", "Ben Okafor and Ada Lovelace", "Ben Okafor, Ada Lovelace and 2 others". */
export function namesOf(people: Person[]): string {
  const names = people.map((p) => p.name);
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, 2).join(', ')} and ${plural(names.length - 2, 'other')}`;
}

/**
 * The entry's headline: who did what ("Ben Okafor answered your question"), or for several items how
 * many and who ("3 new answers · Ben Okafor and Ada Lovelace"); the kind's wording when nobody is named.
 */
export function inboxHeadline(group: InboxGroup): string {
  const words = acted[group.kind];
  const n = group.items.length;
  if (n === 1) return group.actors.length ? `${namesOf(group.actors)} ${words.verb}` : inboxWording[group.kind];
  const fresh = group.unreadIds.length;
  const count = fresh === n ? `${n} new ${n === 1 ? words.one : words.many}` : `${plural(n, words.one, words.many)}${fresh ? `, ${fresh} new` : ''}`;
  return group.actors.length ? `${count} · ${namesOf(group.actors)}` : count;
}

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
