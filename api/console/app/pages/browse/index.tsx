// Browse: every app, its screens and patterns, and what colleagues wrote there; and one's own. Addresses:
// /browse, /browse/mine, /browse/sites/:siteId, /browse/sites/:siteId/scopes/:scopeId.
import { Route, Router } from 'preact-iso';
import { AppsView } from './apps';
import { MineView } from './mine';
import { ScopeView } from './scope';
import { SiteView } from './site';
import './browse.css';

export default function BrowsePage() {
  return (
    <Router>
      <Route path="/" component={AppsView} />
      <Route path="/mine" component={MineView} />
      <Route path="/sites/:siteId" component={SiteView} />
      <Route path="/sites/:siteId/scopes/:scopeId" component={ScopeView} />
    </Router>
  );
}
