// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createResizer } from './panel-resizer';

function setUp(side: 'left' | 'right', width = 400) {
  const widths: Array<[number, boolean]> = [];
  const frame = document.createElement('iframe');
  const resizer = createResizer(frame, (w, done) => widths.push([w, done]));
  document.body.append(resizer.element);
  resizer.show(side, width, 320, 720);
  const press = (key: string, shiftKey = false) => resizer.element.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
  return { resizer, widths, press };
}

describe('the panel resize handle', () => {
  it('is a focusable separator that says its width and limits', () => {
    const { resizer } = setUp('right');
    const el = resizer.element;
    expect(el.getAttribute('role')).toBe('separator');
    expect(el.tabIndex).toBe(0);
    expect(el.getAttribute('aria-orientation')).toBe('vertical');
    expect([el.getAttribute('aria-valuenow'), el.getAttribute('aria-valuemin'), el.getAttribute('aria-valuemax')]).toEqual(['400', '320', '720']);
    expect(el.getAttribute('aria-valuetext')).toBe('400 pixels wide');
    resizer.hide();
    expect(el.hidden).toBe(true);
  });

  it('moves the edge with the arrow keys: left widens a panel on the right, narrows one on the left', () => {
    const right = setUp('right');
    right.press('ArrowLeft');
    right.press('ArrowRight');
    right.press('ArrowLeft', true);
    right.press('Home');
    right.press('End');
    right.press('a'); // not ours: nothing
    expect(right.widths).toEqual([[416, true], [384, true], [464, true], [320, true], [720, true]]);

    const left = setUp('left');
    left.press('ArrowLeft');
    left.press('ArrowRight');
    expect(left.widths).toEqual([[384, true], [416, true]]);
  });
});
