// Step: the extension. What to load, the server address to enter, and for IT the managed-policy setting
// (storage.managed `serverUrl`, extension/public/managed_schema.json), for Chrome and Edge and for Firefox.
import { api } from '../../api';
import { CopyField } from '../../ui/copy';
import { FormError, useSubmit } from '../../ui/form';
import type { StepProps } from './steps';

const FIREFOX_ID = 'alongside@alongside.dev';

const chromePolicy = (server: string) =>
  JSON.stringify({ '3rdparty': { extensions: { '<extension id>': { serverUrl: server } } } }, null, 2);
const firefoxPolicy = (server: string) =>
  JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_ID]: { serverUrl: server } } } } }, null, 2);

export function ExtensionStep({ reload, next }: StepProps) {
  const server = location.origin;
  const submit = useSubmit(async () => {
    await api('PATCH /server/setup', { json: { extension: true } });
    await reload();
    next();
  });
  return (
    <>
      <p>
        Colleagues see Alongside on their apps through a browser extension. Whoever runs this server has it built: <code>npm start</code> prints its
        folder, <code>npm run zip</code> makes the Chrome and Firefox packages.
      </p>
      <ol class="numbered">
        <li>
          In Chrome or Edge, open <code>chrome://extensions</code>, turn on Developer mode, choose <em>Load unpacked</em> and pick the
          extension's folder (in Firefox, install the signed package).
        </li>
        <li>In the extension's options, enter this server's address and sign in:</li>
      </ol>
      <CopyField label="Server address" value={server} />
      <details class="panel-box">
        <summary>For IT: install it for everyone, with the server address set</summary>
        <p>
          Deploy the extension by policy and set <code>serverUrl</code> in its managed settings: people then connect without typing anything, and cannot
          point it elsewhere.
        </p>
        <h3>Chrome and Edge (policy JSON, or the same keys under the registry's 3rdparty policy)</h3>
        <pre class="mono code-block" tabIndex={0}>{chromePolicy(server)}</pre>
        <h3>Firefox (policies.json)</h3>
        <pre class="mono code-block" tabIndex={0}>{firefoxPolicy(server)}</pre>
      </details>
      <FormError failure={submit.failure} />
      <div class="row">
        <button type="button" class="primary" disabled={submit.busy} onClick={() => void submit.run()}>
          {submit.busy ? 'Saving…' : 'Got it, continue'}
        </button>
      </div>
    </>
  );
}
