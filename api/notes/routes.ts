// /notes: notes about pages, and tips (notes pinned to an element): anchoring reports, re-pinning, verifying.
import { noteEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { NoteService } from './service';
import type { TipService } from './tips';

export function noteRoutes(s: { sessions: Sessions; notes: NoteService; tips: TipService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.createNote), async (c) =>
      c.json(await s.notes.create(c.get('viewer'), c.req.valid('json'), c.req.valid('header')['idempotency-key']), 201),
    )
    .openapi(route(e.getNote), async (c) => c.json(await s.notes.get(c.get('viewer'), c.req.valid('param').id), 200))
    .openapi(route(e.updateNote), async (c) => c.json(await s.notes.update(c.get('viewer'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(route(e.deleteNote), async (c) => {
      await s.notes.remove(c.get('viewer'), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(route(e.reportAnchoring), async (c) => {
      const { found, confidence } = c.req.valid('json');
      return c.json(await s.tips.report(c.get('viewer'), c.req.valid('param').id, found, confidence), 200);
    })
    .openapi(route(e.repinTip), async (c) => c.json(await s.tips.repin(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').anchor), 200))
    .openapi(route(e.verifyTip), async (c) => c.json(await s.tips.verify(c.get('viewer'), c.req.valid('param').id), 200));
}
