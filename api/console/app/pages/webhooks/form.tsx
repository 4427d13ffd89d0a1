// The form for a webhook's receiver, events and format: adding one and changing one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '@shared/client';
import type { Webhook } from '@shared/contract';
import { Field, FormError, useSubmit } from '../../ui/form';
import { eventWords, formatWords, webhookEvents, type WebhookEvent } from './words';

export type WebhookValues = Pick<Webhook, 'url' | 'format'> & { kinds: WebhookEvent[] };

export const emptyWebhook: WebhookValues = { url: '', kinds: ['note.created', 'question.created'], format: 'json' };

/** A refused receiver (a private address, a host that does not resolve) is the URL's problem: say it there. */
const refusedUrl = (failure: Error | null) =>
  failure instanceof ApiFailure && failure.code.startsWith('webhook_url_') ? failure.message : null;

export function WebhookForm(props: {
  initial: WebhookValues;
  submitLabel: string;
  onSubmit: (values: WebhookValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(props.initial);
  // The form opens on a click: the person goes on typing where it opened.
  const urlInput = useRef<HTMLInputElement>(null);
  useEffect(() => urlInput.current?.focus(), []);
  const { busy, failure, run, fieldError } = useSubmit(props.onSubmit);
  const urlError = fieldError('url') ?? refusedUrl(failure);
  // At least one event: said here before asking the server, whose words for an empty list are zod's.
  const [tried, setTried] = useState(false);
  const kindsError = tried && values.kinds.length === 0 ? 'Choose at least one event.' : fieldError('kinds');
  const toggle = (kind: WebhookEvent, on: boolean) =>
    setValues({ ...values, kinds: on ? webhookEvents.filter((k) => k === kind || values.kinds.includes(k)) : values.kinds.filter((k) => k !== kind) });
  return (
    <form
      class="stack webhook-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (values.kinds.length > 0) void run({ ...values, url: values.url.trim() });
      }}
    >
      <Field label="Receiver URL" error={urlError} hint="Where Alongside sends each event, by POST. It must be a public address unless the server allows it (WEBHOOK_ALLOWED_HOSTS).">
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            ref={urlInput}
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://hooks.example.com/alongside"
            value={values.url}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setValues({ ...values, url: e.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset class={`choices${kindsError ? ' invalid' : ''}`} aria-describedby={kindsError ? 'webhook-kinds-error' : undefined}>
        <legend>Events</legend>
        <p class="hint">Only what everyone in the organisation may see is ever sent: private and team content never is.</p>
        {webhookEvents.map((kind) => (
          <label key={kind} class="choice">
            <input type="checkbox" checked={values.kinds.includes(kind)} onChange={(e) => toggle(kind, e.currentTarget.checked)} />
            <span>
              <span class="choice-label">{eventWords[kind].label}</span>
              <span class="hint"> {eventWords[kind].description}</span>
            </span>
          </label>
        ))}
        {kindsError && <p class="field-error" id="webhook-kinds-error">{kindsError}</p>}
      </fieldset>
      <fieldset class="choices">
        <legend>Format</legend>
        {(['json', 'slack'] as const).map((format) => (
          <label key={format} class="choice">
            <input type="radio" name="webhook-format" checked={values.format === format} onChange={() => setValues({ ...values, format })} />
            <span>
              <span class="choice-label">{formatWords[format].label}</span>
              <span class="hint"> {formatWords[format].description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormError failure={urlError && !fieldError('url') ? null : failure} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Saving…' : props.submitLabel}</button>
        <button type="button" class="secondary" onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}
