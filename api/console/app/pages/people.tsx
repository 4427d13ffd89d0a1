// People: Accounts, roles and teams.
import { Page } from '../ui/page';

export default function PeoplePage() {
  return <Page title="People" intro="Accounts, roles and teams.">{null}</Page>;
}
