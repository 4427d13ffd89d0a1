import { useEffect, useId, useState } from 'preact/hooks';
import type { Site } from '@shared/contract';
import { cachedSites } from '../../../server/settings';
import type { PinPick } from '../../../messaging';
import { scopeChoices } from '../tip-scopes';
import { page } from '../store';
import { clearTarget } from '../tips-store';
import { startPinning } from '../tips-actions';
import { postThroughOutbox, useComposer } from '../use-composer';
import { MarkdownEditor } from './MarkdownEditor';
import { VisibilityPicker, visibilityChosen } from './VisibilityPicker';
import '../tips.css';

/** The attached-to line: what the tip is pinned to, in words. */
export function AttachedTo({ label }: { label: string }) {
  return (
    <p class="attached">
      <span>Attached to</span> <b>{label}</b>
    </p>
  );
}

/**
 * Write a tip for the element picked in pin mode: its text, who sees it and where it applies (this
 * page, or every page of one of the site's screens). Posting goes through the outbox like a note.
 */
export function TipComposer({ pick }: { pick: PinPick }) {
  const [site, setSite] = useState<Site | null>(null);
  const [scope, setScope] = useState(0);
  const scopeId = useId();
  useEffect(() => {
    void cachedSites().then((sites) => setSite(sites.find((s) => s.id === page.value?.site.id) ?? null));
  }, []);
  const choices = scopeChoices(pick.pageKey, site);
  const composer = useComposer(pick.pageKey, 'tip', { body: '', visibility: 'org', teamId: null }, {
    valid: (f) => f.body.trim() !== '' && visibilityChosen(f),
    send: ({ body, visibility = 'org', teamId = null }) =>
      postThroughOutbox({ kind: 'note', pageKey: pick.pageKey, body: { pattern: (choices[scope] ?? choices[0]!).pattern, body, visibility, teamId, anchor: pick.anchor } }),
    done: clearTarget,
  });
  const { body, visibility = 'org', teamId = null } = composer.fields;
  const cancel = async () => {
    await composer.clear();
    await clearTarget();
  };

  return (
    <form class="composer" aria-label="New tip" onSubmit={composer.submit}>
      <AttachedTo label={pick.label} />
      <MarkdownEditor label="Tip" value={body} onInput={(v) => composer.update({ body: v })} placeholder="What should colleagues know about this element?" autoFocus />
      <div class="field-inline">
        <label for={scopeId}>Applies to</label>
        <select id={scopeId} value={String(scope)} onChange={(e) => setScope(Number(e.currentTarget.value))}>
          {choices.map((c, i) => (
            <option key={c.pattern} value={String(i)} title={c.pattern}>{c.label}</option>
          ))}
        </select>
      </div>
      <div class="composer-bar">
        <VisibilityPicker visibility={visibility} teamId={teamId} onChange={(v, t) => composer.update({ visibility: v, teamId: t })} />
        <div class="actions">
          <button type="button" class="ghost" onClick={() => void startPinning(null)}>Pick another</button>
          <button type="button" class="ghost" onClick={() => void cancel()}>Cancel</button>
          <button type="submit" class="primary" disabled={!composer.canSend}>Post tip</button>
        </div>
      </div>
    </form>
  );
}
