// What "assign an expert from a real page" offers: the page's screen, the exact page, or everything under
// its path, each as the URL pattern it makes, so no one has to write pattern syntax.
import type { Site, SitePreview } from '@shared/contract';
import { patternForPageKey, templatePattern } from '@shared/page-key';
import { escapePatternString } from '@shared/urlpattern';

export interface Choice {
  id: 'screen' | 'page' | 'path';
  label: string;
  pattern: string;
}

export function patternChoices(preview: SitePreview, site: Site): Choice[] {
  const choices: Choice[] = [];
  const template = preview.screen ? site.rules.templates.find((t) => t.name === preview.screen) : undefined;
  if (template) choices.push({ id: 'screen', label: `This screen: ${template.name}`, pattern: templatePattern(template.pattern, site.origin) });
  choices.push({ id: 'page', label: 'This exact page', pattern: patternForPageKey(preview.pageKey) });
  const path = new URL(preview.pageKey).pathname.replace(/\/+$/, '');
  // "/*?" after the path: the page itself and every page below it, whatever the query.
  choices.push({ id: 'path', label: `Everything under ${path || '/'}`, pattern: `${site.origin}${escapePatternString(path)}/*?` });
  return choices;
}
