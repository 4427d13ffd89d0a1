import { browser } from 'wxt/browser';

/**
 * The panel is an extension page in an iframe: the host page's CSS cannot reach it and its scripts
 * cannot read it (another origin). It is created on open and removed on close, so nothing of it
 * loads on pages where nobody opens it.
 */
export function createPanelFrame(side: 'left' | 'right'): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.className = 'panel';
  frame.dataset.side = side;
  frame.dataset.testid = 'alongside-panel';
  frame.title = 'Alongside: notes and questions for this page';
  frame.src = browser.runtime.getURL('/panel.html');
  // The panel focuses its own heading once loaded; focusing the frame moves keyboard focus into it.
  frame.addEventListener('load', () => frame.focus(), { once: true });
  return frame;
}
