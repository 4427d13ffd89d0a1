// The app's screens with the experts for their pages: a screen without one is where help is missing.
import type { Site } from '@shared/contract';
import { api } from '../../api';
import { Loading, useLoad } from '../../ui/load';
import { Table } from '../../ui/table';

/** `version` changes when the site is saved, so the list reads the new screens. */
export function ScreenList({ site, version }: { site: Site; version: number }) {
  const { loaded, reload } = useLoad(() => api('GET /sites/{id}/screens', { params: { id: site.id } }), [site.id, version]);
  return (
    <section class="panel-box" aria-labelledby="screen-list-title">
      <h2 id="screen-list-title">Screens and their experts</h2>
      <Loading loaded={loaded} retry={reload}>
        {(screens) =>
          screens.length === 0 ? (
            <p class="muted">No screens yet. Name some in the form above: people then see which screen they are on, and experts can be made responsible for each.</p>
          ) : (
            <Table label="Screens" columns={['Screen', 'Pattern', 'Experts']}>
              {screens.map((s) => (
                <tr key={s.pattern}>
                  <th scope="row">{s.name}</th>
                  <td class="mono break">{s.pattern}</td>
                  <td>{s.experts.length ? s.experts.map((e) => e.name).join(', ') : <span class="muted">none: <a href="/experts">add one</a></span>}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </section>
  );
}
