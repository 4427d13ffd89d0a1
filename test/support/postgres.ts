// Throwaway PostgreSQL databases for tests. TEST_DATABASE_URL names a server and a database to connect
// to for CREATE/DROP DATABASE (default: the local server's `postgres` database).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the server answers; under CI=true a missing server is an error, never a skip. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (err) {
    const message = `PostgreSQL is not reachable at ${adminUrl}: ${(err as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${message}. CI=true requires it (see .ci/run).`);
    console.warn(`${message}. PostgreSQL suites are skipped; set TEST_DATABASE_URL to run them.`);
    return false;
  }
}

async function onAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `alongside_test_${randomBytes(6).toString('hex')}`;
  await onAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
