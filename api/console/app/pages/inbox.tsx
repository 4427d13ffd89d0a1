// Inbox: Questions routed to you, answers to yours, news on what you watch.
import { Page } from '../ui/page';

export default function InboxPage() {
  return <Page title="Inbox" intro="Questions routed to you, answers to yours, news on what you watch.">{null}</Page>;
}
