// Page keys and screens: how a site's rules (shared/contract/sites.ts) turn a page URL into what leaves
// the browser, and name its screens. A product rule built on the URL-pattern language. See README.md.
export { pageKey } from './page-key';
export { PageKeyError, type PageKeyErrorCode } from './page-url';
export { compileTemplate, compileTemplates, matchingTemplates, screenName, screenOfPattern, templatePattern, type ScreenTemplate } from './screens';
export { patternForPageKey } from './page-pattern';
export { pageLink, type PageLink } from './page-link';
