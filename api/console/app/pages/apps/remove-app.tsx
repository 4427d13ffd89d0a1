// Removing an app: a confirmation that says exactly what goes with it (counted by the server, whoever can
// see it), and asks for the app's name, since nothing removed can be brought back.
import { useId, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Site, SiteUsage } from '@shared/contract';
import { api } from '../../api';
import { Dialog } from '../../ui/dialog';
import { FormError, useSubmit } from '../../ui/form';
import { Loading, useLoad } from '../../ui/load';
import { plural } from '@shared/text/plural';

const WORDS: Array<[keyof SiteUsage, string, string?]> = [
  ['notes', 'note'],
  ['tips', 'tip'],
  ['questions', 'question'],
  ['answers', 'answer'],
  ['replies', 'reply', 'replies'],
  ['experts', 'expert assignment'],
  ['watches', 'watch', 'watches'],
];

function Deletes({ usage }: { usage: SiteUsage }) {
  const counted = WORDS.filter(([k]) => usage[k] > 0);
  if (counted.length === 0) return <p>Nothing is attached to it yet: only the app and its rules go.</p>;
  return (
    <>
      <p>This deletes, for everyone:</p>
      <ul class="usage" aria-label="What removal deletes">
        {counted.map(([k, one, many]) => (
          <li key={k}>{plural(usage[k], one, many)}</li>
        ))}
      </ul>
    </>
  );
}

function Confirm({ site, onCancel }: { site: Site; onCancel: () => void }) {
  const id = useId();
  const { route } = useLocation();
  const { loaded, reload } = useLoad(() => api('GET /sites/{id}/usage', { params: { id: site.id } }), [site.id]);
  const [typed, setTyped] = useState('');
  const submit = useSubmit(async () => {
    await api('DELETE /sites/{id}', { params: { id: site.id } });
    route(`/apps?removed=${encodeURIComponent(site.name)}`);
  });
  return (
    <form class="stack" onSubmit={(e) => (e.preventDefault(), void submit.run())}>
      <p>The extension stops working on <span class="mono">{site.origin}</span>. Owners and screens go too.</p>
      <Loading loaded={loaded} retry={reload}>{(usage) => <Deletes usage={usage} />}</Loading>
      <p class="danger">This cannot be undone.</p>
      <div class="field">
        <label for={id}>Type <strong>{site.name}</strong> to confirm</label>
        <input id={id} autoComplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
      </div>
      <FormError failure={submit.failure} />
      <div class="actions">
        <button type="button" class="secondary" onClick={onCancel}>Keep the app</button>
        <button type="submit" class="primary danger-fill" disabled={typed.trim() !== site.name || loaded.state !== 'ready' || submit.busy}>
          {submit.busy ? 'Removing…' : 'Remove the app'}
        </button>
      </div>
    </form>
  );
}

export function RemoveApp({ site }: { site: Site }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="panel-box danger-zone" aria-labelledby="remove-app-title">
      <h2 id="remove-app-title">Remove this app</h2>
      <p class="muted">Removes the app and everything people attached to its pages: notes, tips, questions and their answers.</p>
      <div>
        <button type="button" class="secondary danger" onClick={() => setOpen(true)}>Remove {site.name}…</button>
      </div>
      <Dialog title={`Remove ${site.name}?`} open={open} onClose={() => setOpen(false)}>
        <Confirm site={site} onCancel={() => setOpen(false)} />
      </Dialog>
    </section>
  );
}
