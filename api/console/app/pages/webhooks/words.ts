// What the webhook page says of event kinds and formats, in plain words. Typed against the contract, so a
// kind added there fails the typecheck here until it is described.
import type { EventKind, Webhook } from '@shared/contract';

/** inbox.changed is personal (an unread count): it never leaves the server, so it is not offered. */
export type WebhookEvent = Exclude<EventKind, 'inbox.changed'>;

export const eventWords: Record<WebhookEvent, { label: string; description: string }> = {
  'note.created': { label: 'New note', description: 'Someone shares a note with everyone.' },
  'note.updated': { label: 'Note edited', description: 'A shared note changes.' },
  'note.deleted': { label: 'Note deleted', description: 'A shared note is removed.' },
  'note.replied': { label: 'Reply to a note', description: 'Someone replies under a shared note.' },
  'question.created': { label: 'New question', description: 'Someone asks a question everyone can see.' },
  'question.routed': { label: 'Question routed', description: 'A question is sent on to the experts of its page.' },
  'answer.created': { label: 'New answer', description: 'Someone answers a question.' },
  'answer.accepted': { label: 'Answer accepted', description: 'The asker marks an answer as the one that helped.' },
  'vote.changed': { label: 'Vote', description: 'A note, question or answer gets a vote (frequent).' },
};

export const webhookEvents = Object.keys(eventWords) as WebhookEvent[];

/** A logged delivery's kind is a plain string: a kind this page does not know shows as it is. */
export const eventLabel = (kind: string) => eventWords[kind as WebhookEvent]?.label ?? kind;

export const formatWords: Record<Webhook['format'], { label: string; description: string }> = {
  json: { label: 'JSON', description: 'The event as data ({ delivery, event }), for your own code or an automation tool.' },
  slack: { label: 'Slack message', description: 'A message with a link to the page, for a Slack (or compatible) incoming webhook.' },
};
