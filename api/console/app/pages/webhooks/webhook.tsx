// One webhook: what it sends where, changing it, turning it off or on, deleting it (confirmed), a test
// delivery and its delivery log. The API has no single-webhook read: the list is small, so it is read whole.
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Webhook } from '@shared/contract';
import { api, problemOf } from '../../api';
import { Dialog } from '../../ui/dialog';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { DeliveryLog } from './deliveries';
import { WebhookForm, type WebhookValues } from './form';
import { ActiveTag } from './tags';
import { TestDelivery } from './test-delivery';
import { eventLabel, formatWords, type WebhookEvent } from './words';

export function WebhookPage({ id }: { id: string }) {
  const { loaded, reload, set } = useLoad(async () => (await api('GET /webhooks')).find((w) => w.id === id) ?? null, [id]);
  return (
    <Page title="Webhook" intro={<a href="/webhooks" class="back-link">All webhooks</a>}>
      <div class="stack webhooks-page">
        <Loading loaded={loaded} retry={reload}>
          {(hook) =>
            hook ? (
              <WebhookDetail hook={hook} onChange={set} />
            ) : (
              <div class="state" role="alert">
                <p>This webhook does not exist (any more).</p>
                <a href="/webhooks">All webhooks</a>
              </div>
            )
          }
        </Loading>
      </div>
    </Page>
  );
}

function WebhookDetail({ hook, onChange }: { hook: Webhook; onChange: (hook: Webhook) => void }) {
  const [editing, setEditing] = useState(false);
  const [said, setSaid] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const stopEditing = () => {
    setEditing(false);
    heading.current?.focus(); // the form that had focus is gone
  };
  const save = async (values: Partial<WebhookValues> & { active?: boolean }) => {
    const updated = await api('PATCH /webhooks/{id}', { params: { id: hook.id }, json: values });
    onChange(updated);
    return updated;
  };
  return (
    <>
      <section class="panel-box" aria-labelledby="settings-title">
        <div class="row settings-head">
          <h2 id="settings-title" class="grow" tabIndex={-1} ref={heading}>Settings</h2>
          {!editing && (
            <div class="page-actions">
              <button type="button" class="secondary" onClick={() => setEditing(true)}>Edit</button>
              <ActiveSwitch hook={hook} save={save} say={setSaid} />
              <DeleteWebhook hook={hook} />
            </div>
          )}
        </div>
        {editing ? (
          <WebhookForm
            initial={{ url: hook.url, kinds: hook.kinds.filter((k): k is WebhookEvent => k !== 'inbox.changed'), format: hook.format }}
            submitLabel="Save"
            onSubmit={async (values) => {
              await save(values);
              stopEditing();
              setSaid('Saved.');
            }}
            onCancel={stopEditing}
          />
        ) : (
          <dl class="facts">
            <dt>Receiver</dt>
            <dd class="mono webhook-url">{hook.url}</dd>
            <dt>Events</dt>
            <dd>{hook.kinds.map(eventLabel).join(', ')}</dd>
            <dt>Format</dt>
            <dd>{formatWords[hook.format].label}</dd>
            <dt>State</dt>
            <dd>
              <ActiveTag active={hook.active} /> {hook.active ? 'Events are sent.' : 'Nothing is sent until it is turned on.'}
            </dd>
          </dl>
        )}
        <p role="status" class="ok said">{said}</p>
      </section>
      <TestDelivery id={hook.id} />
      <DeliveryLog id={hook.id} />
    </>
  );
}

function ActiveSwitch({ hook, save, say }: { hook: Webhook; save: (v: { active: boolean }) => Promise<Webhook>; say: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  const flip = async () => {
    setBusy(true);
    try {
      const updated = await save({ active: !hook.active });
      say(updated.active ? 'Turned on: new events are sent again.' : 'Turned off: nothing is sent until it is turned on.');
    } catch (err) {
      say(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="secondary" disabled={busy} onClick={flip}>
      {hook.active ? 'Turn off' : 'Turn on'}
    </button>
  );
}

function DeleteWebhook({ hook }: { hook: Webhook }) {
  const { route } = useLocation();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = async () => {
    try {
      await api('DELETE /webhooks/{id}', { params: { id: hook.id } });
      setOpen(false);
      route('/webhooks');
    } catch (err) {
      setFailure(problemOf(err));
    }
  };
  return (
    <>
      <button type="button" class="secondary danger" onClick={() => setOpen(true)}>Delete</button>
      <Dialog title="Delete this webhook?" open={open} onClose={() => setOpen(false)}>
        <p>
          Nothing more is sent to <span class="mono webhook-url">{hook.url}</span>, and its delivery log goes with it. This cannot be undone.
        </p>
        {failure && <p class="form-error" role="alert">{failure}</p>}
        <div class="row">
          <button type="button" class="primary danger-fill" onClick={remove}>Delete the webhook</button>
          <button type="button" class="secondary" onClick={() => setOpen(false)}>Keep it</button>
        </div>
      </Dialog>
    </>
  );
}
