import { useRoute } from 'preact-iso';
import { api } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { Crumbs } from './crumbs';
import { ItemList } from './items';

/** One screen or pattern of an app: the notes, tips and questions there that you may see. */
export function ScopeView() {
  const { params } = useRoute();
  const { siteId, scopeId } = params as { siteId: string; scopeId: string };
  const { loaded, reload } = useLoad(
    async () => {
      const [site, scopes] = await Promise.all([api('GET /sites/{id}', { params: { id: siteId } }), api('GET /browse/sites/{id}', { params: { id: siteId } })]);
      return { site, scope: scopes.find((s) => s.id === scopeId) ?? null };
    },
    [siteId, scopeId],
  );
  const where = loaded.state === 'ready' ? (loaded.data.scope ? (loaded.data.scope.screen ?? loaded.data.scope.pattern.replace(loaded.data.site.origin, '')) : 'Nothing you may see') : 'Screen';
  return (
    <Page title={where} intro={loaded.state === 'ready' && loaded.data.scope ? <span class="mono">{loaded.data.scope.pattern}</span> : undefined}>
      <Loading loaded={loaded} retry={reload}>
        {({ site }) => (
          <>
            <Crumbs>
              <a href={`/browse/sites/${site.id}`}>{site.name}</a>
              <span aria-current="page">{where}</span>
            </Crumbs>
            <ItemList
              deps={[scopeId]}
              read={(cursor) => api('GET /browse/scopes/{id}', { params: { id: scopeId }, query: { cursor } })}
              empty={{ title: 'Nothing here you may see', message: 'What colleagues share with you on these pages shows up here.' }}
            />
          </>
        )}
      </Loading>
    </Page>
  );
}
