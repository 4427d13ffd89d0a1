// One app (/apps/:id): its rules and screens (the site form), the URL tester, its screens' experts, its
// owners, and removing it.
import { useState } from 'preact/hooks';
import type { Site } from '@shared/contract';
import { api } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { Owners } from './owners';
import { RemoveApp } from './remove-app';
import { ScreenList } from './screen-list';
import { SiteForm } from './site-form';
import { UrlTester } from './url-tester';

function AppSections({ initial }: { initial: Site }) {
  const [site, setSite] = useState(initial);
  const [saved, setSaved] = useState(0); // how many saves: the screens list reads again after each
  return (
    <Page title={site.name} intro={<span class="mono">{site.origin}</span>} actions={<a href="/apps">All apps</a>}>
      <section class="panel-box" aria-labelledby="rules-title">
        <h2 id="rules-title">Name, addresses and screens</h2>
        <SiteForm site={site} onSaved={(s) => (setSite(s), setSaved(saved + 1))} />
      </section>
      <UrlTester site={site} />
      <ScreenList site={site} version={saved} />
      <Owners site={site} />
      <RemoveApp site={site} />
    </Page>
  );
}

export function AppPage({ id }: { id: string }) {
  const { loaded, reload } = useLoad(() => api('GET /sites/{id}', { params: { id } }), [id]);
  if (loaded.state !== 'ready') {
    return (
      <Page title="App">
        <Loading loaded={loaded} retry={reload}>{() => null}</Loading>
      </Page>
    );
  }
  return <AppSections key={loaded.data.id} initial={loaded.data} />;
}
