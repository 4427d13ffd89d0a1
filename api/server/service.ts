// What the server says of itself (the console's Server page) and the settings an admin changes at run time:
// for now the sign-up policy, stored in server_settings; the SIGNUP environment variable gives its first value.
import { eq } from 'drizzle-orm';
import type { SignUpPolicy } from '@shared/contract';
import type { Settings } from '../config';
import type { Database } from '../db/database';
import { serverSettings } from '../db/schema';
import { ApiError } from '../kernel/errors';
import { API_VERSION } from '../version';

const SIGN_UP = 'signup';

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
      settings: this.settings.shown,
    };
  }

  async signUpPolicy(): Promise<SignUpPolicy> {
    const [row] = await this.database.db.select().from(serverSettings).where(eq(serverSettings.name, SIGN_UP));
    return (row?.value as SignUpPolicy | undefined) ?? { mode: this.settings.signup, domains: [] };
  }

  async setSignUpPolicy(policy: SignUpPolicy): Promise<SignUpPolicy> {
    await this.database.db
      .insert(serverSettings)
      .values({ name: SIGN_UP, value: policy })
      .onConflictDoUpdate({ target: serverSettings.name, set: { value: policy, updatedAt: new Date() } });
    return policy;
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
