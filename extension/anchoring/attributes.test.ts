import { describe, expect, it } from 'vitest';
import { isGeneratedId, isHashedClass, isStateClass } from './attributes';

describe('generated names', () => {
  it('tells generated ids from chosen ones', () => {
    for (const id of [':r3:', '«r1»', 'ember1234', 'radix-5', 'mui-12', 'a1b2c3d4-0000-4000-8000-000000000000', 'x7Fq2Lm']) {
      expect(isGeneratedId(id), id).toBe(true);
    }
    for (const id of ['main', 'recent-title', 'save-btn', 'invoice-3']) expect(isGeneratedId(id), id).toBe(false);
  });

  it('tells hashed class names from semantic ones', () => {
    for (const c of ['css-1x2y3z', 'sc-bdVaJa', '_abc123', 'Button_primary__3xYz1', 'jsx-123456', 'hover:bg-blue-500']) {
      expect(isHashedClass(c), c).toBe(true);
    }
    for (const c of ['btn', 'btn-primary', 'toolbar', 'invoice-form']) expect(isHashedClass(c), c).toBe(false);
  });

  it('knows state classes', () => {
    expect(isStateClass('active')).toBe(true);
    expect(isStateClass('is-open')).toBe(true);
    expect(isStateClass('toolbar')).toBe(false);
  });
});
