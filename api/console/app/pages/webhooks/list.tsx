// The webhooks of this server, and adding one (its secret shown once, here, after it is added).
import { useState } from 'preact/hooks';
import type { Webhook } from '@shared/contract';
import { Empty } from '@shared/ui/states';
import { api } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { Table } from '../../ui/table';
import { emptyWebhook, WebhookForm } from './form';
import { SecretOnce } from './secret';
import { ActiveTag } from './tags';
import { eventLabel, formatWords } from './words';

/** The element that had focus is gone (the form, the secret): the page's heading takes it. */
const focusTitle = () => document.getElementById('page-title')?.focus();

export function WebhookList() {
  const { loaded, reload } = useLoad(() => api('GET /webhooks'));
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const add = async (values: typeof emptyWebhook) => {
    const hook = await api('POST /webhooks', { json: values });
    setAdding(false);
    setCreated({ id: hook.id, secret: hook.secret });
    await reload();
  };
  return (
    <Page
      title="Webhooks"
      intro="Where Alongside tells other tools what happens: each event you choose is sent, signed, to a URL of yours (a chat channel, an automation, your own service)."
      actions={!adding && <button type="button" class="primary" onClick={() => { setCreated(null); setAdding(true); }}>Add a webhook</button>}
    >
      <div class="stack webhooks-page">
        {created && <SecretOnce {...created} onDone={() => { setCreated(null); focusTitle(); }} />}
        {adding && (
          <section class="panel-box" aria-labelledby="new-webhook-title">
            <h2 id="new-webhook-title">New webhook</h2>
            <WebhookForm initial={emptyWebhook} submitLabel="Add the webhook" onSubmit={add} onCancel={() => { setAdding(false); focusTitle(); }} />
          </section>
        )}
        <Loading loaded={loaded} retry={reload}>
          {(hooks) => (hooks.length === 0 ? <Empty title="No webhooks yet" message="Add one to send new notes, questions and answers to a chat channel or another tool." /> : <WebhookTable hooks={hooks} />)}
        </Loading>
      </div>
    </Page>
  );
}

function WebhookTable({ hooks }: { hooks: Webhook[] }) {
  return (
    <Table label="Webhooks" columns={['Receiver', 'Events', 'Format', 'State']}>
      {hooks.map((hook) => (
        <tr key={hook.id}>
          <th scope="row" class="webhook-url">
            <a href={`/webhooks/${hook.id}`} class="mono">{hook.url}</a>
          </th>
          <td>{hook.kinds.map(eventLabel).join(', ')}</td>
          <td>{formatWords[hook.format].label}</td>
          <td><ActiveTag active={hook.active} /></td>
        </tr>
      ))}
    </Table>
  );
}
