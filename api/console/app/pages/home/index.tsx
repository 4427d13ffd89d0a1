// Home: what needs the person's attention (their inbox; for an admin the first run until it is finished,
// and the screens where help is missing) and the apps colleagues share about.
import { api } from '../../api';
import { isAdmin, me } from '../../session';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { Attention } from './attention';
import { SetupCard } from './setup-card';
import './home.css';

async function readHome(admin: boolean) {
  const [inbox, sites, server] = await Promise.all([api('GET /inbox', { query: { unread: 'true' } }), api('GET /sites'), admin ? api('GET /server') : null]);
  const screens = admin ? await Promise.all(sites.map(async (site) => ({ site, screens: await api('GET /sites/{id}/screens', { params: { id: site.id } }) }))) : [];
  return { inbox, sites, server, screens };
}

export default function HomePage() {
  const admin = isAdmin();
  const { loaded, reload } = useLoad(() => readHome(admin), [admin]);
  return (
    <Page title="Home" intro={`Hello ${me().user.name}: what colleagues know, and what needs your attention.`}>
      <Loading loaded={loaded} retry={reload}>
        {({ inbox, sites, server, screens }) => (
          <div class="home">
            {server && !server.setup.done && <SetupCard progress={server.setup} />}
            <Attention unread={inbox.unread} screens={screens} />
            <section class="panel-box" aria-labelledby="apps-title">
              <h2 id="apps-title">Apps</h2>
              {sites.length === 0 ? (
                <p class="muted">
                  {admin ? (
                    <>No app is registered yet. <a href="/setup?step=app">Register your first app</a> to let colleagues share what they know about it.</>
                  ) : (
                    'No app is registered yet: an admin of this server adds them.'
                  )}
                </p>
              ) : (
                <ul class="app-list">
                  {sites.map((s) => (
                    <li key={s.id}>
                      <a href={`/browse/sites/${s.id}`}>{s.name}</a> <span class="muted mono">{s.origin}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        )}
      </Loading>
    </Page>
  );
}
