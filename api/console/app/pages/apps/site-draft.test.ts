import { describe, expect, it } from 'vitest';
import { draftOf, rulesOf, withUrl, type Draft } from './site-draft';

/** The address typed one key at a time into a new site's form, as a person types it. */
const typed = (text: string, from: Draft = draftOf(undefined)) =>
  [...text].reduce((draft, _, i) => withUrl(draft, text.slice(0, i + 1), true), from);

describe('the site form reading an address into its answers', () => {
  it('keeps only the parts the finished address holds when it is typed letter by letter', () => {
    const draft = typed('https://crm.corp.example/accounts/42?tab=activity&session=abc123');
    expect(rulesOf(draft).keepQuery).toEqual(['tab']);
    expect(draft.name).toBe('CRM');
  });

  it('follows the address when it is pasted again, and leaves the admin’s own choices as they made them', () => {
    const pasted = withUrl(draftOf(undefined), 'https://crm.corp.example/x?tab=notes&view=board', true);
    expect(pasted.keepQuery).toEqual(['tab', 'view']);
    // Unchecks view, checks nothing else; then pastes an address with other parts.
    const answered: Draft = { ...pasted, keepQuery: ['tab'], answered: ['view'] };
    const again = withUrl(answered, 'https://crm.corp.example/x?view=list&mode=compact', true);
    expect(again.keepQuery).toEqual(['mode']); // tab is not in it any more; view stays unchecked
    const checked: Draft = { ...again, keepQuery: ['mode', 'lang'], answered: ['view', 'lang'] };
    expect(withUrl(checked, 'https://crm.corp.example/x', true).keepQuery).toEqual(['lang']); // a checked part stays
  });

  it('changes nothing but the name for a registered site', () => {
    const site = { id: 's', origin: 'https://crm.corp.example', name: 'CRM', rules: { keepQuery: ['tab'], hashRouting: false, templates: [] } };
    const draft = withUrl({ ...draftOf(site), nameEdited: false }, 'https://crm.corp.example/x?view=1', false);
    expect(draft.keepQuery).toEqual(['tab']);
  });
});
