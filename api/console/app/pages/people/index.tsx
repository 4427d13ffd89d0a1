// People: the accounts (search, roles, turning off and on), creating one, teams, and inviting colleagues.
// One address per sub-page under /people, so reload and back land where the admin was.
import { Route, Router } from 'preact-iso';
import { InvitePage } from './invite';
import { NewAccountPage } from './new-account';
import { PeopleList } from './list';
import { TeamsPage } from './teams';
import './people.css';

export default function PeoplePage() {
  return (
    <Router>
      <Route path="/" component={PeopleList} />
      <Route path="/new" component={NewAccountPage} />
      <Route path="/teams" component={TeamsPage} />
      <Route path="/invite" component={InvitePage} />
    </Router>
  );
}
