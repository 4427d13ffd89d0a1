import { describe, expect, it } from 'vitest';
import { panelShown, shownOf } from './panel-layout-message';

describe('the panel-shown window message', () => {
  it('reads back what was sent, and nothing else', () => {
    expect(shownOf(panelShown('docked', true))).toEqual({ mode: 'docked', canDock: true });
    expect(shownOf({ type: 'alongside:panel-shown', mode: 'sideways', canDock: true })).toBeNull();
    expect(shownOf({ type: 'alongside:panel-shown', mode: 'floating' })).toBeNull();
    expect(shownOf({ type: 'alongside:panel-secret', secret: 'x' })).toBeNull();
    expect(shownOf(null)).toBeNull();
    expect(shownOf('alongside:panel-shown')).toBeNull();
  });
});
