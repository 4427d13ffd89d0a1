import type { OutboxItem } from '../../../messaging';
import { discardPending } from '../store';

const labels: Record<OutboxItem['entry']['kind'], string> = { note: '', question: 'Question: ', answer: 'Answer: ', reply: 'Reply: ' };
const describe = ({ entry }: OutboxItem) => labels[entry.kind] + (entry.kind === 'question' ? entry.body.title : entry.body.body);

/** Posts waiting in the outbox (this page's, or a discussion's replies), so the user sees nothing was lost. */
export function PendingList({ items, label = 'Waiting to be sent' }: { items: OutboxItem[]; label?: string }) {
  if (!items.length) return null;
  return (
    <section class="pending" aria-label={label}>
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
