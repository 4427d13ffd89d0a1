import type { OutboxItem } from '../../../messaging';
import { discardPending } from '../store';

const describe = (item: OutboxItem) =>
  item.entry.kind === 'question' ? `Question: ${item.entry.body.title}` : item.entry.kind === 'answer' ? `Answer: ${item.entry.body.body}` : item.entry.body.body;

/** Posts waiting in the outbox for this page, so the user sees nothing was lost. */
export function PendingList({ items }: { items: OutboxItem[] }) {
  if (!items.length) return null;
  return (
    <section class="pending" aria-label="Waiting to be sent">
      {items.map((item) => {
        const rejected = item.lastError?.kind === 'rejected';
        return (
          <div key={item.id} class={`card pending-item${rejected ? ' rejected' : ''}`} data-testid="pending-item">
            <p class="pending-label">
              {rejected ? `Not accepted by the server: ${item.lastError?.message}` : 'Pending — will be sent when the server is back'}
            </p>
            <p class="pending-text">{describe(item)}</p>
            <button type="button" class="link danger" onClick={() => void discardPending(item.id)}>
              Discard
            </button>
          </div>
        );
      })}
    </section>
  );
}
