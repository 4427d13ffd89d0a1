// /users and /invitations: the accounts and the links that let colleagues make one, managed by admins.
import { peopleEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { InvitationService } from './invitations';
import { type AccountService, toUser } from './service';

export function peopleRoutes(s: { sessions: Sessions; accounts: AccountService; invitations: InvitationService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.listUsers), async (c) => {
      const page = await s.accounts.page(c.req.valid('query'));
      return c.json({ items: page.items.map(toUser), next: page.next }, 200);
    })
    .openapi(route(e.createUser), async (c) => {
      const { role, ...account } = c.req.valid('json');
      return c.json(toUser(await s.accounts.signUp(account, { role })), 201);
    })
    .openapi(route(e.updateUser), async (c) => c.json(toUser(await s.accounts.update(c.get('viewer').id, c.req.valid('param').id, c.req.valid('json'))), 200))
    .openapi(route(e.listInvitations), async (c) => c.json(await s.invitations.list(), 200))
    .openapi(route(e.createInvitation), async (c) => c.json(await s.invitations.create(c.get('viewer').id, c.req.valid('json')), 201))
    .openapi(route(e.revokeInvitation), async (c) => {
      await s.invitations.revoke(c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    });
}
