// What the panel's search field holds: the words, and where to look (this page, this app, everywhere:
// the person's choice, remembered in storage.local). While there are words, the results show instead of
// the page's sections.
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';

export type SearchWhere = 'page' | 'app' | 'everywhere';
const WHERE_KEY = 'search:where';

export const searchText = signal('');
export const searchWhere = signal<SearchWhere>('page');

export async function loadSearchWhere(): Promise<void> {
  const saved = (await browser.storage.local.get(WHERE_KEY))[WHERE_KEY];
  if (saved === 'page' || saved === 'app' || saved === 'everywhere') searchWhere.value = saved;
}

export function chooseSearchWhere(where: SearchWhere): void {
  searchWhere.value = where;
  void browser.storage.local.set({ [WHERE_KEY]: where });
}
