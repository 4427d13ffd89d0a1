// Experts: who answers for which screens and pages of each app, and where nobody does; volunteers to
// approve. The app shown is `?app=<site id>` (the first app by default).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Expert } from '@shared/contract';
import { Empty } from '@shared/ui/states';
import { api, problemOf } from '../../api';
import { Dialog } from '../../ui/dialog';
import { FormError, useSubmit } from '../../ui/form';
import { Loading, useLoad } from '../../ui/load';
import { Page } from '../../ui/page';
import { Status, useStatus } from '../../ui/status';
import { AppCoverage } from './app-coverage';
import { AssignForm, type Preset } from './assign-form';
import { Volunteers } from './volunteers';
import './experts.css';

type Open = { kind: 'assign'; preset: Preset | null } | { kind: 'remove'; expert: Expert } | null;

export default function ExpertsPage() {
  const { query, route } = useLocation();
  const { loaded, reload } = useLoad(async () => {
    const [sites, experts] = await Promise.all([api('GET /sites'), api('GET /experts')]);
    return { sites, experts };
  });
  const [open, setOpen] = useState<Open>(null);
  const status = useStatus();
  const appField = useId();
  // After an action removes what had the keyboard, the next render puts it here.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    const target = document.querySelector<HTMLElement>(focusNext.current) ?? document.getElementById('page-title');
    focusNext.current = null;
    target?.focus();
  });

  const act = async (work: Promise<unknown>, done: string, focus: string) => {
    try {
      await work;
      status.ok(done);
    } catch (err) {
      status.error(`That did not work: ${problemOf(err)}`);
    }
    focusNext.current = focus;
    await reload();
  };

  return (
    <Page
      title="Experts"
      intro="Who answers questions on which screens and pages of each app, and where nobody does yet."
      actions={
        <button type="button" class="primary" onClick={() => setOpen({ kind: 'assign', preset: null })}>
          Assign an expert
        </button>
      }
    >
      <Status said={status.said} />
      <Loading loaded={loaded} retry={reload}>
        {({ sites, experts }) => {
          if (sites.length === 0) return <Empty title="No apps yet" message="Register an app under Apps; then assign experts to its screens here." />;
          const site = sites.find((s) => s.id === query.app) ?? sites[0]!;
          return (
            <>
              <Volunteers
                pending={experts.filter((e) => e.status === 'pending')}
                sites={sites}
                onApprove={(v) => void act(api('POST /experts/{id}/approve', { params: { id: v.id } }), `${v.user.name} is now an expert for ${v.pattern}.`, '#volunteers-title')}
                onDecline={(v) => void act(api('DELETE /experts/{id}', { params: { id: v.id } }), `${v.user.name}'s offer was declined.`, '#volunteers-title')}
              />
              <section class="stack" aria-labelledby="app-title">
                <div class="row app-head">
                  <h2 id="app-title" class="grow" tabIndex={-1}>
                    {site.name}
                  </h2>
                  {sites.length > 1 && (
                    <div class="field-inline">
                      <label for={appField}>App</label>
                      <select id={appField} value={site.id} onChange={(e) => route(`/experts?app=${e.currentTarget.value}`)}>
                        {sites.map((s) => (
                          <option key={s.id} value={s.id}>{s.name}</option>
                        ))}
                      </select>
                    </div>
                  )}
                </div>
                <AppCoverage
                  site={site}
                  assignments={experts}
                  onAssign={(row) => setOpen({ kind: 'assign', preset: { label: row.screen ? `the screen ${row.screen}` : row.pattern, pattern: row.pattern } })}
                  onRemove={(expert) => setOpen({ kind: 'remove', expert })}
                />
              </section>
              {/* One dialog for both questions: ui/dialog.tsx names its title by a fixed id. */}
              <Dialog title={open?.kind === 'remove' ? 'Remove this expert?' : 'Assign an expert'} open={open !== null} onClose={() => setOpen(null)}>
                {open?.kind === 'assign' && (
                  <AssignForm
                    sites={sites}
                    preset={open.preset}
                    onCancel={() => setOpen(null)}
                    onDone={(expert, siteId) => {
                      setOpen(null);
                      status.ok(`${expert.user.name} is now an expert for ${expert.pattern}.`);
                      if (siteId && siteId !== site.id) route(`/experts?app=${siteId}`);
                      void reload();
                    }}
                  />
                )}
                {open?.kind === 'remove' && (
                  <ConfirmRemove
                    expert={open.expert}
                    onCancel={() => setOpen(null)}
                    onRemoved={() => {
                      setOpen(null);
                      void act(Promise.resolve(), `${open.expert.user.name} is no longer an expert for ${open.expert.pattern}.`, '.table-wrap');
                    }}
                  />
                )}
              </Dialog>
            </>
          );
        }}
      </Loading>
    </Page>
  );
}

function ConfirmRemove({ expert, onCancel, onRemoved }: { expert: Expert; onCancel: () => void; onRemoved: () => void }) {
  const remove = useSubmit(async () => {
    await api('DELETE /experts/{id}', { params: { id: expert.id } });
    onRemoved();
  });
  return (
    <>
      <p>
        {expert.user.name} will no longer be asked about <span class="mono">{expert.pattern}</span>. What they wrote stays.
      </p>
      <FormError failure={remove.failure} />
      <div class="actions">
        <button type="button" class="ghost" onClick={onCancel}>Cancel</button>
        <button type="button" class="secondary danger" disabled={remove.busy} onClick={() => void remove.run()}>
          {remove.busy ? 'Removing…' : 'Remove'}
        </button>
      </div>
    </>
  );
}
