// The signing secret of a webhook just added: the only time the server shows it.
import { useEffect, useRef } from 'preact/hooks';
import { CopyField } from '../../ui/copy';

export function SecretOnce({ id, secret, onDone }: { id: string; secret: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that was focused is gone: the person lands on what they must do now.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="panel-box secret-once" aria-labelledby="secret-title">
      <h2 id="secret-title" tabIndex={-1} ref={heading}>Webhook added: copy its secret now</h2>
      <p>
        <strong>You will not see this secret again.</strong> Your receiver uses it to check that a delivery comes from
        Alongside: each one is signed in <code>X-Alongside-Signature</code> (HMAC-SHA256 of the timestamp, a dot and the body).
      </p>
      <CopyField label="Signing secret" value={secret} hint="Keep it where your receiver reads its settings. Lost, delete the webhook and add it again." />
      <div class="row">
        <a class="primary button-link" href={`/webhooks/${id}`}>Open the webhook</a>
        <button type="button" class="secondary" onClick={onDone}>I have copied it</button>
      </div>
    </section>
  );
}
