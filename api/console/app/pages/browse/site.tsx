import { useRoute } from 'preact-iso';
import type { Output } from '@shared/client';
import { Empty } from '@shared/ui/states';
import { api } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { Crumbs } from './crumbs';
import { countsLine } from './words';

type Scope = Output<'GET /browse/sites/{id}'>[number];

/** One app: its screens first (named patterns), then its other patterns, each with what it holds for you. */
export function SiteView() {
  const { params } = useRoute();
  const siteId = params.siteId!;
  const { loaded, reload } = useLoad(
    async () => {
      const [site, scopes] = await Promise.all([api('GET /sites/{id}', { params: { id: siteId } }), api('GET /browse/sites/{id}', { params: { id: siteId } })]);
      return { site, scopes };
    },
    [siteId],
  );
  const title = loaded.state === 'ready' ? loaded.data.site.name : 'App';
  return (
    <Page title={title} intro="Its screens and patterns with what colleagues wrote there. Open one to read it.">
      <Crumbs>
        <span aria-current="page">{title}</span>
      </Crumbs>
      <Loading loaded={loaded} retry={reload}>
        {({ site, scopes }) => {
          if (scopes.length === 0) return <Empty title="Nothing here yet" message="Notes, tips and questions people write on this app show up here, screen by screen." />;
          const screens = scopes.filter((s) => s.screen);
          const others = scopes.filter((s) => !s.screen);
          return (
            <>
              {screens.length > 0 && <ScopeList heading="Screens" siteId={site.id} origin={site.origin} scopes={screens} />}
              {others.length > 0 && <ScopeList heading={screens.length > 0 ? 'Other patterns' : 'Patterns'} siteId={site.id} origin={site.origin} scopes={others} />}
            </>
          );
        }}
      </Loading>
    </Page>
  );
}

function ScopeList({ heading, siteId, origin, scopes }: { heading: string; siteId: string; origin: string; scopes: Scope[] }) {
  return (
    <section class="stack" aria-label={heading}>
      <h2>{heading}</h2>
      <ul class="browse-list">
        {scopes.map((scope) => (
          <li key={scope.id} class="card">
            <a class="browse-title" href={`/browse/sites/${siteId}/scopes/${scope.id}`}>{scope.screen ?? scope.pattern.replace(origin, '')}</a>
            {scope.screen && <span class="muted mono">{scope.pattern.replace(origin, '')}</span>}
            <span class="muted">{countsLine(scope)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
