// The registered apps: name, origin, how many screens, who owns each; or, before the first, what an app is.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Site, SiteOwner } from '@shared/contract';
import { api } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { plural } from '@shared/text/plural';

type Listed = { site: Site; owners: SiteOwner[] };

async function readApps(): Promise<Listed[]> {
  const sites = await api('GET /sites');
  return Promise.all(sites.map(async (site) => ({ site, owners: await api('GET /sites/{id}/owners', { params: { id: site.id } }) })));
}

function NoApps() {
  return (
    <div class="empty panel-box">
      <p class="empty-title">No apps yet</p>
      <p class="muted">
        An app is an internal web application your colleagues use, like a CRM or a help desk. Add one by pasting its
        address: the extension then offers notes, tips and questions on its pages, and nowhere else.
      </p>
      <a class="primary button-link" href="/apps/new">Add an app</a>
    </div>
  );
}

export function AppList() {
  // Removing an app comes back here with ?removed=<its name>, which the list says once it is gone.
  const { removed } = useLocation().query;
  const [notice, setNotice] = useState<string | null>(null);
  // Filled in after the first paint: a live region announces a change, not what it held when it appeared.
  useEffect(() => setNotice(removed ? `${removed} was removed, with everything on it.` : null), [removed]);
  const { loaded, reload } = useLoad(readApps);
  return (
    <Page
      title="Apps"
      intro="The internal apps Alongside runs on: the extension works on these origins only, with each app's rules for its addresses and its named screens."
      actions={<a class="primary button-link" href="/apps/new">Add an app</a>}
    >
      <p role="status" class={notice ? 'notice' : 'sr-only'}>{notice ?? ''}</p>
      <Loading loaded={loaded} retry={reload}>
        {(apps) =>
          apps.length === 0 ? (
            <NoApps />
          ) : (
            <div class="apps-table">
              <Table label="Apps" columns={['App', 'Origin', 'Screens', 'Owners']}>
                {apps.map(({ site, owners }) => (
                  <tr key={site.id}>
                    <th scope="row"><a href={`/apps/${site.id}`}>{site.name}</a></th>
                    <td class="mono" data-label="Origin">{site.origin}</td>
                    <td data-label="Screens">{plural(site.rules.templates.length, 'screen')}</td>
                    <td data-label="Owners">{owners.length ? owners.map((o) => o.user.name).join(', ') : <span class="muted">none yet</span>}</td>
                  </tr>
                ))}
              </Table>
            </div>
          )
        }
      </Loading>
    </Page>
  );
}
