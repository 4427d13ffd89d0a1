// The OpenAPI document at /openapi.json: every endpoint of the contract as the routes registered it, plus
// what the document says of itself (licence, tags, the bearer scheme). Linted in openapi.test.ts.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './routes';

const tags = [
  { name: 'Server', description: 'Whether the server is up.' },
  { name: 'Auth', description: 'Local accounts: sign up, sign in and out, sessions.' },
  { name: 'People', description: 'Accounts and roles (admin).' },
  { name: 'Teams', description: 'Teams and members: who sees `team` content.' },
  { name: 'Sites', description: "The registered apps, their page-key rules and screens, and their owners." },
  { name: 'Context', description: 'Everything for one page, in one call.' },
  { name: 'Notes', description: 'Notes about pages.' },
  { name: 'Tips', description: 'Notes pinned to an element: anchoring reports, re-pinning, verifying.' },
  { name: 'Replies', description: "A note's discussion." },
  { name: 'Questions', description: 'Questions about pages, answers, the accepted answer.' },
  { name: 'Votes', description: '"Helpful" votes.' },
  { name: 'Experts', description: 'Who is responsible for which pages; volunteers.' },
  { name: 'Inbox', description: "Each person's things to look at." },
  { name: 'Watches', description: 'Patterns a person follows.' },
  { name: 'Live', description: 'Server-sent events.' },
  { name: 'Webhooks', description: 'Outgoing webhooks (admin).' },
  { name: 'Browse', description: 'What colleagues know, app by app and screen by screen.' },
];

// No licence is granted to use the API beyond the deployment it belongs to.
const license = { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' };

export function describeApi(api: OpenAPIHono<AppEnv>, { base, version }: { base: string; version: string }): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /auth/signin or /auth/signup.',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Alongside API',
      version,
      description:
        "Colleague notes, tips, questions and experts for the company's internal web apps. Every error is " +
        '`{ code, message }` with a stable code.',
      license,
    },
    servers: [{ url: base }],
    tags,
  });
}
