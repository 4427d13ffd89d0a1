// The API contract: zod schemas for every request and response, and every endpoint (method, path, access,
// input, outputs), one file per domain, named like the API's domain folders. The API validates with them
// and publishes OpenAPI from them; the clients (shared/client) take their types from them. Nothing here
// may import from api/ or extension/. See README.md.
export * from './anchors';
export * from './auth';
export * from './browse';
export * from './search';
export * from './common';
export * from './context';
export * from './experts';
export * from './http';
export * from './inbox';
export * from './live';
export * from './notes';
export * from './people';
export * from './questions';
export * from './replies';
export * from './server';
export * from './sites';
export * from './teams';
export * from './votes';
export * from './watches';
export * from './webhooks';
