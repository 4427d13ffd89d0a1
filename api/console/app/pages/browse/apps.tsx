import { Empty } from '@shared/ui/states';
import { api } from '../../api';
import { isAdmin } from '../../session';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';

/** Every app on this server, a way into each, and one's own notes. */
export function AppsView() {
  const { loaded, reload } = useLoad(() => api('GET /sites'));
  return (
    <Page
      title="Browse"
      intro="Every app, its screens and what colleagues wrote there: what you may see, as in the panel."
      actions={<a class="secondary button-link" href="/browse/mine">Mine</a>}
    >
      <Loading loaded={loaded} retry={reload}>
        {(sites) =>
          sites.length === 0 ? (
            <Empty
              title="No apps yet"
              message={isAdmin() ? 'Register an app under Apps; what people write on it shows here.' : 'An admin registers the apps Alongside runs on; ask yours.'}
            />
          ) : (
            <ul class="browse-list">
              {sites.map((site) => (
                <li key={site.id} class="card">
                  <a class="browse-title" href={`/browse/sites/${site.id}`}>{site.name}</a>
                  <span class="muted mono">{site.origin}</span>
                  <span class="muted">{site.rules.templates.length === 1 ? '1 screen' : `${site.rules.templates.length} screens`}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </Page>
  );
}
