// Opening an item found away from the list (an inbox entry, a search hit): in place when this page shows
// it, else its page in a new tab, said aloud (a pattern of several pages opens the one that fits best).
import { pageLink } from '@shared/page-key';
import { askBackground } from '../../messaging';
import { focusItem } from './focus';
import { announce, context } from './store';

export interface ItemRef {
  kind: 'note' | 'question';
  id: string;
  pattern: string;
}

/** Answers whether the item was shown here (rather than opened on its page, or not at all). */
export async function openItem(item: ItemRef): Promise<boolean> {
  const ctx = context.value;
  const here = item.kind === 'question' ? ctx?.questions.some((q) => q.id === item.id) : ctx?.notes.some((n) => n.id === item.id);
  if (here) {
    focusItem(item.kind, item.id);
    return true;
  }
  const link = pageLink(item.pattern);
  if (!link) {
    announce('Its page is no longer available.');
    return false;
  }
  await askBackground('panel:open-tab', { url: link.url });
  announce(link.exact ? 'Opened its page in a new tab.' : `Opened ${link.url} in a new tab: the item is on pages like it.`);
  return false;
}
