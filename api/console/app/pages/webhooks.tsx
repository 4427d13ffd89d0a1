// Webhooks: Where Alongside tells other tools what happens.
import { Page } from '../ui/page';

export default function WebhooksPage() {
  return <Page title="Webhooks" intro="Where Alongside tells other tools what happens.">{null}</Page>;
}
