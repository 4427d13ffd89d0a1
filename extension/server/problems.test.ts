import { describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/client';
import { problemOf } from './problems';

describe('problemOf', () => {
  it('maps failures to the states the panel shows', () => {
    expect(problemOf(new ApiFailure('unauthorized', 401, 'x', 'x'), true)).toBe('expired');
    expect(problemOf(new ApiFailure('unreachable', 0, 'x', 'x'), true)).toBe('unreachable');
    expect(problemOf(new ApiFailure('unreachable', 0, 'x', 'x'), false)).toBe('offline');
    expect(problemOf(new ApiFailure('rejected', 400, 'x', 'x'), true)).toBe('error');
    expect(problemOf(new Error('boom'), false)).toBe('offline');
  });
});
