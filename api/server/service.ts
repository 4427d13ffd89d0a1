// What the server says of itself (the console's Server page) and the settings an admin changes at run time:
// for now the sign-up policy, stored in server_settings; the SIGNUP environment variable gives its first value.
import { eq, sql } from 'drizzle-orm';
import type { SetupProgress, SignUpPolicy } from '@shared/contract';
import type { Settings } from '../config';
import type { Database } from '../db/database';
import { invitations, serverSettings, sites, users } from '../db/schema';
import { ApiError } from '../kernel/errors';
import { API_VERSION } from '../version';

const SIGN_UP = 'signup';
const SETUP = 'setup';

type SetupMarks = { extension?: true; done?: true };

export class ServerService {
  constructor(
    private readonly database: Database,
    private readonly settings: Settings,
  ) {}

  async info() {
    return {
      version: API_VERSION,
      database: this.database.driver,
      signUp: await this.signUpPolicy(),
      setup: await this.setup(),
      settings: this.settings.shown,
    };
  }

  /** Whether anyone has an account yet (the first to sign up becomes the admin). */
  async needsAdmin(): Promise<boolean> {
    const { rows } = (await this.database.db.execute(sql`select exists (select 1 from ${users}) as any`)) as unknown as { rows: Array<{ any: boolean }> };
    return !rows[0]!.any;
  }

  /** The console's first run: what exists says the first steps, the admin's marks the rest. */
  async setup(): Promise<SetupProgress> {
    const { rows } = (await this.database.db.execute(sql`
      select exists (select 1 from ${sites}) as app,
        (select count(*) from ${users}) > 1 or exists (select 1 from ${invitations}) or exists (select 1 from ${serverSettings} where ${serverSettings.name} = ${SIGN_UP}) as invited`)) as unknown as {
      rows: Array<{ app: boolean; invited: boolean }>;
    };
    const marks = (await this.read<SetupMarks>(SETUP)) ?? {};
    return { app: rows[0]!.app, invited: rows[0]!.invited, extension: marks.extension === true, done: marks.done === true };
  }

  async markSetup(marks: SetupMarks): Promise<SetupProgress> {
    await this.write(SETUP, { ...((await this.read<SetupMarks>(SETUP)) ?? {}), ...marks });
    return this.setup();
  }

  async signUpPolicy(): Promise<SignUpPolicy> {
    return (await this.read<SignUpPolicy>(SIGN_UP)) ?? { mode: this.settings.signup, domains: [] };
  }

  async setSignUpPolicy(policy: SignUpPolicy): Promise<SignUpPolicy> {
    await this.write(SIGN_UP, policy);
    return policy;
  }

  private async read<T>(name: string): Promise<T | undefined> {
    const [row] = await this.database.db.select().from(serverSettings).where(eq(serverSettings.name, name));
    return row?.value as T | undefined;
  }

  private async write(name: string, value: unknown): Promise<void> {
    await this.database.db
      .insert(serverSettings)
      .values({ name, value })
      .onConflictDoUpdate({ target: serverSettings.name, set: { value, updatedAt: new Date() } });
  }

  /** Whether the policy lets this email sign up on its own; 403 with what to do otherwise. */
  async checkSignUp(email: string): Promise<void> {
    const policy = await this.signUpPolicy();
    if (policy.mode === 'open') return;
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    if (policy.mode === 'domains' && policy.domains.includes(domain)) return;
    if (policy.mode === 'domains') {
      throw new ApiError(403, 'signup_domain', `Sign-up is open to ${policy.domains.map((d) => `@${d}`).join(', ')} emails: use your work email, or ask an admin for an invitation.`);
    }
    throw new ApiError(403, 'signup_closed', 'Sign-up is closed on this server: ask an admin for an account or an invitation.');
  }
}
