import { createConfig, lintFromString } from '@redocly/openapi-core';
import { beforeAll, expect, it } from 'vitest';
import * as contract from '@shared/contract';
import { describeEachDatabase } from '../../test/support/api-harness';

/** Every endpoint the contract defines, from its `*Endpoints` groups. */
const contractEndpoints = Object.entries(contract)
  .filter(([name]) => name.endsWith('Endpoints'))
  .flatMap(([, group]) => Object.values(group as Record<string, contract.Endpoint>));

describeEachDatabase('OpenAPI document and docs page', (api) => {
  let doc: any;
  beforeAll(async () => {
    doc = (await api().request('GET', '/openapi.json')).body;
  });

  it('documents every route with its schemas and the shared error body', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const expected of [
      'POST /auth/signup', 'POST /auth/signin', 'POST /auth/signout', 'GET /auth/me', 'GET /sites', 'POST /sites',
      'GET /context', 'POST /notes', 'PATCH /notes/{id}', 'POST /questions', 'POST /questions/{id}/answers',
      'PUT /questions/{id}/accepted-answer', 'PUT /{kind}/{id}/vote', 'GET /experts', 'POST /experts',
    ]) {
      expect(operations).toContain(expected);
    }
    expect(doc.components.schemas.Error.required).toEqual(['code', 'message']);
    expect(doc.components.schemas.PageContext).toBeDefined();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/context'].get.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
  });

  it('implements every endpoint of the contract, each named by its operationId', () => {
    expect(contractEndpoints.length).toBeGreaterThan(50);
    const ids = new Set<string>();
    for (const endpoint of contractEndpoints) {
      const operation = doc.paths[endpoint.path]?.[endpoint.method];
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      expect(operation.operationId).toBe(endpoint.operationId);
      expect(ids.has(endpoint.operationId), endpoint.operationId).toBe(false);
      ids.add(endpoint.operationId);
      expect(operation.security).toEqual(endpoint.access === 'public' ? [] : [{ bearer: [] }]);
    }
    const documented = Object.values(doc.paths as Record<string, Record<string, unknown>>).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(documented).toBe(contractEndpoints.length); // and nothing outside the contract
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('serves a readable docs page', async () => {
    const res = await api().request('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(String(res.body)).toContain('/api/v1/openapi.json');
    // Everything comes from this server, not a CDN: internal deployments may have no internet.
    expect(String(res.body)).not.toMatch(/(src|href)="https?:/);
    expect(String(res.body)).toContain('validatorUrl: null');
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']) {
      const file = await api().request('GET', asset);
      expect(file.status, asset).toBe(200);
      expect(String(file.body).length).toBeGreaterThan(10_000);
    }
  });
});
