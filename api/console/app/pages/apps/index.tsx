// Apps (admin): the internal apps Alongside runs on. /apps lists them, /apps/new adds one, /apps/:id is one.
import { useLocation } from 'preact-iso';
import { isAdmin } from '../../session';
import { Page } from '../../ui/page';
import { AppPage } from './app-page';
import { AppList } from './list';
import { SiteForm } from './site-form';

function NewApp() {
  const { route } = useLocation();
  return (
    <Page
      title="Add an app"
      intro="Paste the address of any page of the app, then answer two questions about it. The page key below shows what the extension would send from that page."
      actions={<a href="/apps">All apps</a>}
    >
      <div class="panel-box">
        <SiteForm onSaved={(site) => route(`/apps/${site.id}`)} />
      </div>
    </Page>
  );
}

export default function AppsPage() {
  const { path } = useLocation();
  if (!isAdmin()) {
    return (
      <Page title="Apps">
        <p>Apps are set up by admins. Ask one of them to register an app or change its rules.</p>
      </Page>
    );
  }
  const rest = path.replace(/^\/apps\/?/, '').replace(/\/$/, '');
  if (rest === '') return <AppList />;
  if (rest === 'new') return <NewApp />;
  return <AppPage id={decodeURIComponent(rest)} />;
}
