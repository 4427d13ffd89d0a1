import type { Site, SiteScreen } from '@shared/contract';

/** What is waiting: unread inbox items, and (for admins) screens no expert answers for. */
export function Attention({ unread, screens }: { unread: number; screens: Array<{ site: Site; screens: SiteScreen[] }> }) {
  const missing = screens.flatMap(({ site, screens: list }) => list.filter((s) => s.experts.length === 0).map((s) => ({ site, screen: s })));
  return (
    <section class="panel-box" aria-labelledby="attention-title">
      <h2 id="attention-title">Needs your attention</h2>
      <ul class="attention">
        <li>
          <a href="/inbox">{unread === 0 ? 'Your inbox is read' : `${unread} unread in your inbox`}</a>
        </li>
        {missing.length > 0 && (
          <li>
            <a href="/experts">
              {missing.length === 1 ? '1 screen has' : `${missing.length} screens have`} no expert
            </a>
            <span class="muted">: {missing.slice(0, 3).map((m) => `${m.screen.name} (${m.site.name})`).join(', ')}{missing.length > 3 ? '…' : ''}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
