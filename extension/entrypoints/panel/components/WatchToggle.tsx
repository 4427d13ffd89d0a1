import { useEffect, useState } from 'preact/hooks';
import type { Site, Watch } from '@shared/contract';
import { matchingTemplates, pageLink, patternForPageKey, templatePattern } from '@shared/page-key';
import { cachedSites } from '../../../server/settings';
import { act, announce, api, me } from '../store';

interface Target {
  pattern: string;
  /** "all Account pages", "this page" */
  label: string;
}

/**
 * What "Watch" watches: a page that belongs to one of the site's screens (templates) is one of many alike,
 * so the screen is watched (new content on any Account page); any other page is watched on its own.
 */
function watchTarget(pageKey: string, screen: string | null, site: Site | undefined): Target {
  const template = screen && site ? matchingTemplates(pageKey, site.rules, site.origin).find((t) => t.name === screen) : undefined;
  if (site && template) {
    const pattern = templatePattern(template.pattern, site.origin);
    // A template of one page ("/accounts", the list) is just this page, under its screen's pattern.
    return { pattern, label: pageLink(pattern)?.exact ? 'this page' : `all ${screen} pages` };
  }
  return { pattern: patternForPageKey(pageKey), label: 'this page' };
}

/** The user's watches, fetched once per panel (and user), kept up to date by Watch/Unwatch; a failure is not kept. */
let watchList: { user: string; list: Promise<Watch[]> } | null = null;

function myWatches(user: string, fetch: () => Promise<Watch[]>): Promise<Watch[]> {
  if (watchList?.user !== user) {
    const list = fetch();
    const entry = { user, list };
    watchList = entry;
    list.catch(() => {
      if (watchList === entry) watchList = null; // the next page tries again
    });
  }
  return watchList.list;
}

function changeWatches(change: (list: Watch[]) => Watch[]): void {
  if (watchList) watchList = { ...watchList, list: watchList.list.then(change) };
}

export function WatchToggle({ pageKey, screen, siteId }: { pageKey: string; screen: string | null; siteId: string }) {
  const [target, setTarget] = useState<Target | null>(null);
  const [watch, setWatch] = useState<Watch | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setWatch(undefined);
    void (async () => {
      let next: Target;
      let watches: Watch[];
      try {
        next = watchTarget(pageKey, screen, (await cachedSites()).find((s) => s.id === siteId));
        watches = await myWatches(me.value?.user.id ?? '', () => api().call('GET /watches'));
      } catch {
        return; // not known: no button (a "Watch" here could add a second watch)
      }
      if (!live) return;
      setTarget(next);
      // Watching the page itself, from before or elsewhere, counts too.
      const own = patternForPageKey(pageKey);
      setWatch(watches.find((w) => w.pattern === next.pattern) ?? watches.find((w) => w.pattern === own) ?? null);
    })();
    return () => {
      live = false;
    };
  }, [pageKey, screen, siteId]);

  if (!target || watch === undefined) return null;
  const watching = watch !== null;
  const label = watching && watch.pattern !== target.pattern ? 'this page' : target.label;
  return (
    <button
      type="button"
      class="watch"
      aria-pressed={watching}
      disabled={busy}
      title={`${watching ? 'Watching' : 'Watch'} ${watching ? watch.pattern : target.pattern}: new notes and questions there reach your inbox`}
      onClick={async () => {
        setBusy(true);
        if (watching) {
          if (await act('Unwatching', (a) => a.call('DELETE /watches/{id}', { params: { id: watch.id } }))) {
            setWatch(null);
            changeWatches((list) => list.filter((w) => w.id !== watch.id));
            announce(`Stopped watching ${label}.`);
          }
        } else {
          const added = await act('Watching', (a) => a.call('POST /watches', { json: { pattern: target.pattern } }));
          if (added) {
            setWatch(added);
            changeWatches((list) => [...list, added]);
            announce(`Watching ${label}: new notes and questions there reach your inbox.`);
          }
        }
        setBusy(false);
      }}
    >
      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
        <circle cx="12" cy="12" r="3" />
      </svg>
      {watching ? `Watching ${label}` : `Watch ${label}`}
    </button>
  );
}
