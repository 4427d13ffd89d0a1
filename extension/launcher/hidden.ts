// Where the person hid the launcher: on a page (its page key: only what the site's rules keep of the
// URL, never the raw address) or on a whole site (its origin). Kept in storage.local, on this device
// only; the content script follows changes at once, and the panel and the options page list them with
// "Show again". The panel, the toolbar button and the shortcut work wherever the launcher is hidden.
import { browser } from 'wxt/browser';

export interface HiddenLauncher {
  kind: 'page' | 'site';
  /** The page key, or the site's origin. */
  key: string;
  /** The site's name, to list it by. */
  siteName: string;
}

const KEY = 'launcher:hidden';

export async function hiddenLaunchers(): Promise<HiddenLauncher[]> {
  return ((await browser.storage.local.get(KEY))[KEY] as HiddenLauncher[] | undefined) ?? [];
}

const same = (a: HiddenLauncher, b: Pick<HiddenLauncher, 'kind' | 'key'>) => a.kind === b.kind && a.key === b.key;

export async function hideLauncher(entry: HiddenLauncher): Promise<void> {
  const all = await hiddenLaunchers();
  if (!all.some((e) => same(e, entry))) await browser.storage.local.set({ [KEY]: [...all, entry] });
}

export async function showLauncher(entry: Pick<HiddenLauncher, 'kind' | 'key'>): Promise<void> {
  await browser.storage.local.set({ [KEY]: (await hiddenLaunchers()).filter((e) => !same(e, entry)) });
}

/** Which entry hides the launcher on this page, if any (the site's first). */
export function hiding(all: readonly HiddenLauncher[], page: { pageKey: string; origin: string }): HiddenLauncher | null {
  return all.find((e) => e.kind === 'site' && e.key === page.origin) ?? all.find((e) => e.kind === 'page' && e.key === page.pageKey) ?? null;
}

/** Calls `listener` with the new list whenever it changes (any program); returns the unsubscribe. */
export function onHiddenChange(listener: (all: HiddenLauncher[]) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener((changes[KEY]!.newValue as HiddenLauncher[] | undefined) ?? []);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
