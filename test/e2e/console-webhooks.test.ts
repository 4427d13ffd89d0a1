// The console's Webhooks page, as an admin uses it, against a real receiver on 127.0.0.1 (allowed the way
// an internal receiver is in a deployment: WEBHOOK_ALLOWED_HOSTS): adding one (an empty choice of events
// and a loopback address refused beside their fields), the secret shown once, a signed test delivery,
// deliveries logged as they arrive, a receiver answering 500 shown failed and retried once it is fixed,
// editing, turning off, deleting (confirmed); people who are not admins do not get the page. The worker
// that sends deliveries is the API's own (`deliverDue`), ticked by the test where the server's jobs would.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SessionPage as Page } from '../support/driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import { PASSWORD, startConsole, type Console } from '../support/console';
import { seriousViolations } from './axe';

const SHOTS = screensDir('console');
const SITE = 'https://crm.corp.example';

/** A webhook receiver whose answer the test sets. */
class Receiver {
  readonly received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  answer = 200;
  url = '';
  private server!: Server;
  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body });
        res.writeHead(this.answer, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  async stop() {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

const signedBy = (secret: string, { headers, body }: { headers: IncomingHttpHeaders; body: string }) =>
  headers['x-alongside-signature'] === `sha256=${createHmac('sha256', secret).update(`${headers['x-alongside-timestamp']}.${body}`).digest('hex')}`;

describe.skipIf(!browserAvailable)('the web console: webhooks', () => {
  let console_: Console;
  const receiver = new Receiver();
  let admin: string;
  const call = async (method: string, path: string, json?: unknown, token = admin) => {
    const res = await fetch(`${console_.server.origin}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const signUp = async (email: string, name: string) =>
    (await (await fetch(`${console_.server.origin}/api/v1/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, name, password: PASSWORD }) })).json()).token as string;
  const note = (body: string) => call('POST', '/notes', { pattern: `${SITE}/accounts/:id`, body });
  /** What the server's jobs do every second: send what is due. */
  const deliver = async () => {
    while ((await console_.server.api.services.webhooks.deliverDue()) > 0);
  };
  const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    await receiver.start();
    // One attempt: a receiver's 500 fails the delivery at once, so the test sees Retry without waiting out a backoff.
    console_ = await startConsole({ webhookAllowedHosts: ['127.0.0.1'], webhookMaxAttempts: 1, webhookTimeoutMs: 5_000 });
    admin = await signUp('ada@corp.example', 'Ada Admin');
    await call('POST', '/sites', { origin: SITE, name: 'CRM', rules: { keepQuery: [], hashRouting: false, templates: [] } });
  });
  afterAll(async () => {
    await console_?.close();
    await receiver.stop();
  });

  let hookId = '';
  let secret = '';

  it('adds a webhook: refusals beside their fields with nothing typed lost, then the secret, shown once', async () => {
    const page = await console_.signedIn('ada@corp.example', '/webhooks');
    await page.getByText('No webhooks yet').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add a webhook' }).click();
    const url = page.getByLabel('Receiver URL');
    await url.fill('http://[::1]:9/hook'); // loopback, and not in the allowed hosts
    for (const kind of [/New note/, /New question/]) await page.getByRole('checkbox', { name: kind }).uncheck(); // the two offered first
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    await page.getByText('Choose at least one event.').waitFor();
    for (const kind of [/New note/, /New question/]) await page.getByRole('checkbox', { name: kind }).check();
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
    const described = (await url.getAttribute('aria-describedby'))!.split(' ').pop();
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/loopback/);
    expect(await page.getByRole('checkbox', { name: /New question/ }).isChecked()).toBe(true); // nothing chosen is lost
    expect(await seriousViolations(page)).toEqual([]);
    await url.fill(receiver.url);
    await page.getByRole('button', { name: 'Add the webhook' }).click();

    const reveal = page.getByRole('region', { name: 'Webhook added: copy its secret now' });
    await reveal.waitFor();
    expect(await reveal.textContent()).toContain('You will not see this secret again');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('secret-title');
    secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    const [hook] = await call('GET', '/webhooks');
    expect(hook).toMatchObject({ url: receiver.url, kinds: ['note.created', 'question.created'], format: 'json', active: true });
    expect(JSON.stringify(hook)).not.toContain(secret);
    hookId = hook.id;
    expect(await page.getByRole('link', { name: receiver.url }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'webhooks-secret-light-1280');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await reveal.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('link', { name: receiver.url }).waitFor();
    expect(await page.getByLabel('Signing secret').count()).toBe(0); // once only
  });

  it('sends a signed test delivery, logs deliveries as they arrive, and retries a failed one once the receiver is fixed', async () => {
    const page = await console_.signedIn('ada@corp.example', '/webhooks');
    await page.getByRole('link', { name: receiver.url }).click();
    await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
    await page.getByText('No deliveries yet').waitFor();

    receiver.received.length = 0;
    await page.getByRole('button', { name: 'Send a test delivery' }).click();
    await page.getByRole('status').filter({ hasText: 'The receiver answered 200' }).waitFor();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers['x-alongside-event']).toBe('webhook.test');
    expect(signedBy(secret, receiver.received[0]!)).toBe(true);

    const first = await note('Ask finance before closing an account.');
    await deliver();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const rows = page.getByRole('region', { name: 'Delivery log' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/New note.*Delivered.*1.*HTTP 200/);
    const delivered = receiver.received.at(-1)!;
    expect(signedBy(secret, delivered)).toBe(true);
    expect(JSON.parse(delivered.body).event).toMatchObject({ kind: 'note.created', data: { noteId: first.id } });

    receiver.answer = 500;
    await page.getByRole('button', { name: 'Send a test delivery' }).click();
    await page.getByRole('status').filter({ hasText: 'The test did not get through: HTTP 500' }).waitFor();
    await note('Closing needs two approvals.');
    await deliver();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    const failed = rows.first();
    expect(await failed.textContent()).toMatch(/New note.*Failed.*1.*HTTP 500/);
    expect(await seriousViolations(page)).toEqual([]);

    receiver.answer = 200;
    await failed.getByRole('button', { name: /Retry/ }).click();
    await page.getByText('queued again').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Refresh');
    expect(await failed.textContent()).toContain('Pending');
    await deliver();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => failed.textContent()).toMatch(/Delivered.*1.*HTTP 200/);
    const log = await call('GET', `/webhooks/${hookId}/deliveries`);
    expect(log.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered']);
    expect(receiver.received.filter((r) => r.headers['x-alongside-event'] === 'note.created')).toHaveLength(3); // the 500 one, then its retry
  });

  it('looks right in light and dark, wide and narrow', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const page = await console_.signedIn('ada@corp.example', `/webhooks/${hookId}`, { colorScheme, width });
        await page.getByRole('region', { name: 'Delivery log' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        // Nothing wider than the screen: the delivery table scrolls inside its own region.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await shoot(page, `webhook-${colorScheme}-${width}`);
        await page.goto(`${console_.server.origin}/webhooks`);
        await page.getByRole('button', { name: 'Add a webhook' }).click();
        await page.getByLabel('Receiver URL').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `webhooks-new-${colorScheme}-${width}`);
        await page.context().close();
      }
    }
  });

  it('edits, turns off and deletes (after asking) a webhook', async () => {
    const page = await console_.signedIn('ada@corp.example', `/webhooks/${hookId}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => page.getByLabel('Receiver URL').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('radio', { name: /Slack message/ }).check();
    await page.getByRole('checkbox', { name: /New question/ }).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('settings-title'); // the form that had focus is gone
    expect(await page.locator('.facts').textContent()).toMatch(/New note.*Slack message/);
    expect(await call('GET', '/webhooks')).toMatchObject([{ kinds: ['note.created'], format: 'slack' }]);

    await page.getByRole('button', { name: 'Turn off' }).click();
    await page.getByRole('status').filter({ hasText: 'Turned off' }).waitFor();
    expect(await call('GET', '/webhooks')).toMatchObject([{ active: false }]);
    await page.getByRole('button', { name: 'Turn on' }).waitFor();

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this webhook?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await call('GET', '/webhooks')).toHaveLength(1);
    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete the webhook' }).click();
    await page.getByText('No webhooks yet').waitFor();
    expect(await call('GET', '/webhooks')).toEqual([]);
  });

  it('is not offered to people who are not admins', async () => {
    await signUp('bob@corp.example', 'Bob');
    const page = await console_.signedIn('bob@corp.example', '/webhooks');
    await page.getByText('Only admins manage webhooks').waitFor();
    expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
  });
});
