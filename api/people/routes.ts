// /users: the accounts, managed by admins.
import { peopleEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import { type AccountService, toUser } from './service';

export function peopleRoutes(s: { sessions: Sessions; accounts: AccountService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.listUsers), async (c) => c.json((await s.accounts.list()).map(toUser), 200))
    .openapi(route(e.createUser), async (c) => c.json(toUser(await s.accounts.signUp(c.req.valid('json'), 'member')), 201))
    .openapi(route(e.updateUser), async (c) => {
      const row = await s.accounts.setRole(c.get('viewer').id, c.req.valid('param').id, c.req.valid('json').role);
      return c.json(toUser(row), 200);
    });
}
