// The site form's draft: what the admin has typed and answered, the answers an address suggests, and the
// rules it comes to. Pure, so the form's reading of an address is tested without a browser.
import type { Site, SiteRules } from '@shared/contract';
import { screenRow, type ScreenRow } from './screens-editor';
import { identifiesByDefault, looksHashRouted, queryParams, readUrl, suggestName } from './url-reading';

export interface Draft {
  url: string;
  name: string;
  /** The admin typed a name: stop suggesting one from the address. */
  nameEdited: boolean;
  hashRouting: boolean;
  /** The admin answered the # question: stop reading the answer from the address. */
  hashAnswered: boolean;
  keepQuery: string[];
  /**
   * Query parameter names the admin checked or unchecked: those stay as chosen whatever the address holds.
   * The rest follow the address (pre-checked where they identify a page), so a name typed letter by
   * letter leaves no "t", "ta" behind.
   */
  answered: string[];
  screens: ScreenRow[];
}

export const draftOf = (site: Site | undefined): Draft => ({
  url: site ? `${site.origin}/` : '',
  name: site?.name ?? '',
  nameEdited: Boolean(site),
  hashRouting: site?.rules.hashRouting ?? false,
  hashAnswered: Boolean(site),
  keepQuery: site?.rules.keepQuery ?? [],
  answered: site?.rules.keepQuery ?? [],
  screens: (site?.rules.templates ?? []).map(screenRow),
});

/** A new address: suggest a name, and for a new site pre-answer the questions the address can answer. */
export function withUrl(draft: Draft, text: string, isNew: boolean): Draft {
  const next = { ...draft, url: text };
  const url = readUrl(text);
  if (!url) return next;
  if (!draft.nameEdited) next.name = suggestName(url);
  if (!isNew) return next;
  const chosen = draft.keepQuery.filter((name) => draft.answered.includes(name));
  const byAddress = queryParams(url).filter((p) => !draft.answered.includes(p.name) && identifiesByDefault(p));
  next.keepQuery = [...chosen, ...byAddress.map((p) => p.name)];
  if (!draft.hashAnswered) next.hashRouting = looksHashRouted(url);
  return next;
}

export const rulesOf = (draft: Draft, complete = false): SiteRules => ({
  keepQuery: draft.keepQuery,
  hashRouting: draft.hashRouting,
  templates: draft.screens
    .map((s) => ({ name: s.name.trim(), pattern: s.pattern.trim() }))
    .filter((t) => !complete || (t.name && t.pattern)),
});
