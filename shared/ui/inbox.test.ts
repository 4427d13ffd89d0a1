// The inbox's groups and headlines: what both inboxes (panel and console) show for the API's items.
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '@shared/contract';
import { groupInbox, inboxHeadline, namesOf } from './inbox';

const ben = { id: 'u-ben', name: 'Ben Okafor' };
const ada = { id: 'u-ada', name: 'Ada Lovelace' };
const refund = { id: 'q-1', pattern: 'https://crm.example/refunds/:id', title: 'How do I refund an order?', answerId: null };
let n = 0;
const item = (over: Partial<InboxItem>): InboxItem => ({
  id: `i-${++n}`,
  kind: 'answer_posted',
  createdAt: new Date(Date.UTC(2026, 11, 1, 12, 0, 60 - n)).toISOString(), // made newest first
  readAt: null,
  note: null,
  question: refund,
  actor: ben,
  ...over,
});

describe('groupInbox', () => {
  it('puts the items of one kind about one question together, newest group first, each actor once', () => {
    const a1 = item({});
    const routed = item({ kind: 'question_routed', question: { ...refund, id: 'q-2', title: 'Where is the VAT field?' }, actor: ada });
    const a2 = item({ actor: ada });
    const a3 = item({ readAt: '2026-12-01T12:30:00.000Z' });
    const groups = groupInbox([a1, routed, a2, a3]);
    expect(groups.map((g) => [g.kind, g.items.map((i) => i.id)])).toEqual([
      ['answer_posted', [a1.id, a2.id, a3.id]],
      ['question_routed', [routed.id]],
    ]);
    expect(groups[0]!.unreadIds).toEqual([a1.id, a2.id]); // what marking the group read marks
    expect(groups[0]!.actors).toEqual([ben, ada]);
  });

  it('keeps an item whose content is hidden on its own', () => {
    const hidden = [item({ question: null, actor: null }), item({ question: null, actor: null })];
    expect(groupInbox(hidden)).toHaveLength(2);
  });
});

describe('inboxHeadline', () => {
  const headline = (items: InboxItem[]) => inboxHeadline(groupInbox(items)[0]!);
  it('names who acted on one item', () => {
    expect(headline([item({})])).toBe('Ben Okafor answered your question');
    expect(headline([item({ kind: 'note_reply', question: null, note: { id: 'n-1', pattern: refund.pattern, excerpt: 'x' }, actor: ada })])).toBe(
      'Ada Lovelace replied to your note',
    );
  });
  it('counts several, new or not, and names everyone', () => {
    expect(headline([item({}), item({ actor: ada }), item({})])).toBe('3 new answers · Ben Okafor and Ada Lovelace');
    expect(headline([item({}), item({ readAt: '2026-12-01T13:00:00.000Z' })])).toBe('2 answers, 1 new · Ben Okafor');
    expect(headline([item({ readAt: '2026-12-01T13:00:00.000Z' }), item({ readAt: '2026-12-01T13:00:00.000Z' })])).toBe('2 answers · Ben Okafor');
  });
  it('says what happened when nobody is named', () => {
    expect(headline([item({ kind: 'tip_outdated', question: null, note: { id: 'n-2', pattern: refund.pattern, excerpt: 'Tip' }, actor: null })])).toBe(
      'A tip may be outdated',
    );
  });
});

describe('namesOf', () => {
  it('names two, then counts the others', () => {
    expect(namesOf([ben])).toBe('Ben Okafor');
    expect(namesOf([ben, ada, { id: 'c', name: 'C' }, { id: 'd', name: 'D' }])).toBe('Ben Okafor, Ada Lovelace and 2 others');
  });
});
