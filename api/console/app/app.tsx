import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { Layout } from './layout';
import { FirstAdmin, Join, SignIn } from './pages/signed-out';
import { pages } from './routes';
import { refreshSession, session } from './session';
import { Page } from './ui/page';

function NotFound() {
  return (
    <Page title="Not found">
      <p>There is no such page. <a href="/">Go home</a>.</p>
    </Page>
  );
}

/** What the console shows: who is signed in (or no one, or no account at all yet) decides. */
function Gate() {
  const state = session.value;
  const { path } = useLocation();
  if (state.kind === 'loading') {
    return (
      <main class="splash" aria-busy="true">
        <p class="muted">Loading Alongside…</p>
      </main>
    );
  }
  if (state.kind === 'unreachable') {
    return (
      <main class="splash">
        <div role="alert">
          <h1>The server does not answer</h1>
          <p class="muted">{state.message}</p>
        </div>
        <button type="button" class="primary" onClick={() => void refreshSession()}>Try again</button>
      </main>
    );
  }
  if (state.kind === 'first-run') return <FirstAdmin />;
  if (state.kind === 'signed-out') return path.startsWith('/join') ? <Join /> : <SignIn />;
  return (
    <Layout>
      <ErrorBoundary>
        <Router>
          {[...pages.map(({ path: p, page }) => <Route key={p} path={p} component={page} />), <Route key="404" default component={NotFound} />]}
        </Router>
      </ErrorBoundary>
    </Layout>
  );
}

export function App() {
  useEffect(() => void refreshSession(), []);
  return (
    <LocationProvider>
      <Gate />
    </LocationProvider>
  );
}
