// The API contract: zod schemas for every request and response. Both the API and the extension infer
// their types from these; nothing here may import from api/ or extension/.
export * from './anchors';
export * from './auth';
export * from './common';
export * from './context';
export * from './experts';
export * from './inbox';
export * from './live';
export * from './notes';
export * from './sites';
export * from './webhooks';
