// /questions and /answers: questions about pages, their answers, the accepted answer.
import { questionEndpoints as e } from '@shared/contract';
import type { Sessions } from '../http/middleware/auth';
import { routeMaker, router } from '../http/routes';
import type { QuestionService } from './service';

export function questionRoutes(s: { sessions: Sessions; questions: QuestionService }) {
  const route = routeMaker(s.sessions);
  return router()
    .openapi(route(e.createQuestion), async (c) =>
      c.json(await s.questions.create(c.get('viewer'), c.req.valid('json'), c.req.valid('header')['idempotency-key']), 201),
    )
    .openapi(route(e.getQuestion), async (c) => c.json(await s.questions.get(c.get('viewer'), c.req.valid('param').id), 200))
    .openapi(route(e.updateQuestion), async (c) =>
      c.json(await s.questions.update(c.get('viewer'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(route(e.deleteQuestion), async (c) => {
      await s.questions.remove(c.get('viewer'), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(route(e.acceptAnswer), async (c) =>
      c.json(await s.questions.accept(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').answerId), 200),
    )
    .openapi(route(e.createAnswer), async (c) =>
      c.json(await s.questions.answer(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').body, c.req.valid('header')['idempotency-key']), 201),
    )
    .openapi(route(e.updateAnswer), async (c) =>
      c.json(await s.questions.updateAnswer(c.get('viewer'), c.req.valid('param').id, c.req.valid('json').body), 200),
    )
    .openapi(route(e.deleteAnswer), async (c) => c.json(await s.questions.removeAnswer(c.get('viewer'), c.req.valid('param').id), 200));
}
