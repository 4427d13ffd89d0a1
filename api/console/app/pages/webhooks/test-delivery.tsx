// "Send a test delivery": a signed webhook.test sent now (not logged), and how the receiver answered.
import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api';

type Outcome = { ok: boolean; text: string };

export function TestDelivery({ id }: { id: string }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { status, error, durationMs } = await api('POST /webhooks/{id}/test', { params: { id } });
      setOutcome(
        error === null
          ? { ok: true, text: `The receiver answered ${status} in ${durationMs} ms.` }
          : { ok: false, text: `The test did not get through: ${error}${status === null ? '' : ` (HTTP ${status})`}.` },
      );
    } catch (err) {
      setOutcome({ ok: false, text: problemOf(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel-box" aria-labelledby="test-title">
      <h2 id="test-title">Test the receiver</h2>
      <p class="muted">Sends a signed delivery of kind <code>webhook.test</code> now, even while the webhook is off. It is not kept in the log.</p>
      <div class="row test-row">
        <button type="button" class="secondary" disabled={busy} onClick={send}>{busy ? 'Sending…' : 'Send a test delivery'}</button>
        <p role="status" class={outcome ? (outcome.ok ? 'ok' : 'danger') : ''}>{outcome?.text}</p>
      </div>
    </section>
  );
}
