// A webhook's delivery log, newest first: what was sent, how it went, and a failed one sent again.
import { useRef, useState } from 'preact/hooks';
import type { WebhookDelivery } from '@shared/contract';
import { timeAgo } from '@shared/ui/format';
import { Empty } from '@shared/ui/states';
import { api, problemOf } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Table } from '../../ui/table';
import { StatusTag } from './tags';
import { eventLabel } from './words';

const lastAnswer = (d: WebhookDelivery) => d.lastError ?? (d.lastStatus === null ? '—' : `HTTP ${d.lastStatus}`);

export function DeliveryLog({ id }: { id: string }) {
  const { loaded, reload, set } = useLoad(() => api('GET /webhooks/{id}/deliveries', { params: { id } }), [id]);
  const [refreshing, setRefreshing] = useState(false);
  const [said, setSaid] = useState('');
  const refreshButton = useRef<HTMLButtonElement>(null);
  const refresh = async () => {
    setRefreshing(true);
    await reload();
    setRefreshing(false);
    setSaid('The delivery log is up to date.');
  };
  const retry = async (deliveries: WebhookDelivery[], delivery: WebhookDelivery) => {
    try {
      const again = await api('POST /webhooks/{id}/deliveries/{deliveryId}/retry', { params: { id, deliveryId: delivery.id } });
      set(deliveries.map((d) => (d.id === again.id ? again : d)));
      setSaid(`The ${eventLabel(delivery.kind)} delivery is queued again. Refresh to see how it went.`);
    } catch (err) {
      setSaid(problemOf(err));
    }
    // Its Retry button is gone with the failure: the next thing to do is to refresh.
    refreshButton.current?.focus();
  };
  return (
    <section class="stack deliveries" aria-labelledby="deliveries-title">
      <div class="row deliveries-head">
        <h2 id="deliveries-title" class="grow">Deliveries</h2>
        <button type="button" class="secondary" ref={refreshButton} disabled={refreshing} onClick={refresh}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p role="status" class="muted said">{said}</p>
      <Loading loaded={loaded} retry={reload}>
        {(deliveries) =>
          deliveries.length === 0 ? (
            <Empty title="No deliveries yet" message="Each event of the chosen kinds that everyone may see is sent here and logged. A test delivery is not logged." />
          ) : (
            <Table label="Delivery log" columns={['Event', 'Status', 'Attempts', 'Last answer', 'When', <span class="sr-only">Action</span>]}>
              {deliveries.map((d) => (
                <tr key={d.id} data-delivery={d.id}>
                  <th scope="row">{eventLabel(d.kind)}</th>
                  <td><StatusTag status={d.status} /></td>
                  <td>{d.attempts}</td>
                  <td class="last-answer">{lastAnswer(d)}</td>
                  <td>
                    <time dateTime={d.deliveredAt ?? d.createdAt} title={new Date(d.deliveredAt ?? d.createdAt).toLocaleString()}>
                      {timeAgo(d.deliveredAt ?? d.createdAt)}
                    </time>
                  </td>
                  <td>
                    {d.status === 'failed' && (
                      <button type="button" class="secondary" aria-label={`Retry the ${eventLabel(d.kind)} delivery`} onClick={() => retry(deliveries, d)}>
                        Retry
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </section>
  );
}
