// Apps: The internal apps Alongside runs on, their rules and screens.
import { Page } from '../ui/page';

export default function AppsPage() {
  return <Page title="Apps" intro="The internal apps Alongside runs on, their rules and screens.">{null}</Page>;
}
