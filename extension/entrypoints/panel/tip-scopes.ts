/**
 * Where a new tip applies: this page only, or every page of one of the site's screens that this page
 * is one of (its URL templates, e.g. `/accounts/:id` → every "Account" page).
 */
import type { Site } from '@shared/contract/sites';
import { matchingTemplates, templatePattern } from '@shared/page-key';
import { patternForPageKey } from '@shared/page-key';

interface ScopeChoice {
  pattern: string;
  label: string;
}

export function scopeChoices(pageKey: string, site: Pick<Site, 'origin' | 'rules'> | null): ScopeChoice[] {
  const choices = [{ pattern: patternForPageKey(pageKey), label: 'This page only' }];
  if (!site) return choices;
  for (const t of matchingTemplates(pageKey, site.rules, site.origin)) {
    choices.push({ pattern: templatePattern(t.pattern, site.origin), label: `Every “${t.name}” page` });
  }
  return choices;
}
