// Webhooks (admins): where Alongside tells other tools what happens. /webhooks lists them and adds one;
// /webhooks/<id> is one of them, with its test delivery and delivery log.
import { useLocation } from 'preact-iso';
import { isAdmin } from '../../session';
import { Page } from '../../ui/page';
import { WebhookList } from './list';
import { WebhookPage } from './webhook';
import './webhooks.css';

export default function WebhooksPage() {
  const id = useLocation().path.split('/')[2]; // /webhooks/<id>
  if (!isAdmin()) {
    return (
      <Page title="Webhooks">
        <p>Only admins manage webhooks. Ask one of your server's admins.</p>
      </Page>
    );
  }
  return id ? <WebhookPage key={id} id={id} /> : <WebhookList />;
}
