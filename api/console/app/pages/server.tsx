// Server: what this Alongside is (version, database, who may sign up) and the settings it runs with.
import { api } from '../api';
import { Loading, useLoad } from '../ui/load';
import { Page } from '../ui/page';
import { Table } from '../ui/table';

const signUpWords = { open: 'anyone who reaches this server', domains: 'people with an email of', closed: 'invited people only' } as const;

export default function ServerPage() {
  const { loaded, reload } = useLoad(() => api('GET /server'));
  return (
    <Page title="Server" intro="What this server is and the settings it runs with. Settings come from its environment (README, Configure).">
      <Loading loaded={loaded} retry={reload}>
        {(info) => (
          <>
            <dl class="facts">
              <dt>Version</dt>
              <dd>{info.version}</dd>
              <dt>Database</dt>
              <dd>{info.database === 'pglite' ? 'Embedded (PGlite, in the data directory)' : 'PostgreSQL (DATABASE_URL)'}</dd>
              <dt>Sign-up</dt>
              <dd>
                {signUpWords[info.signUp.mode]}
                {info.signUp.mode === 'domains' && ` ${info.signUp.domains.map((d) => `@${d}`).join(', ')}`}
              </dd>
            </dl>
            <h2>Settings in force</h2>
            <Table label="Settings in force" columns={['Setting', 'Value', 'From']}>
              {info.settings.map((s) => (
                <tr key={s.name}>
                  <th scope="row" class="mono">{s.name}</th>
                  <td class="mono">{s.value}</td>
                  <td>{s.source === 'environment' ? 'environment' : 'default'}</td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </Loading>
    </Page>
  );
}
