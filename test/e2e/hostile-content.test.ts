// Colleague content cannot take over the panel or track its readers. Every case of two corpora (DOMPurify's
// own fixture set, test/fixtures/dompurify, and our cases for each class of attack,
// test/fixtures/hostile-notes.ts) is posted as a note and rendered in the built panel in Chromium, a page
// of cases at a time. In each: no script runs, the panel requests nothing but the API and its own files (a
// logging server every hostile URL points at hears nothing), only what marked produces is rendered (with the scrollers of wide blocks, ours), every
// link is a plain http(s)/mailto link to a new tab without opener, and nothing leaves its card's box.
// Then the content security policy is tested as the second wall: the panel with an ordinary note breaks
// none of it; HTML injected past the sanitizer loads nothing, runs nothing and is not styled. Screenshots land in screensDir (a folder per browser).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Frame, Page } from '../support/driver';
import { afterAll, describe, expect, it } from 'vitest';
import dompurifyCases from '../fixtures/dompurify/expect.mjs';
import { hostileNotes } from '../fixtures/hostile-notes';
import { browserAvailable, E2E_EXTENSION_DIR, screensDir } from '../support/browser';
import { startRequestLogServer, type RequestLogServer } from '../support/request-log-server';
import { note, openPanel, panelFrame, suiteWorld } from './world';

const shots = screensDir('');
const PAGE_SIZE = 40;

/** What marked (GFM) renders, and the attributes of each: all the panel may show of a note. */
const MARKED_OUTPUT: Record<string, string[]> = {
  a: ['href', 'title', 'target', 'rel'],
  blockquote: [], br: [], code: ['class'], del: [], em: [], hr: [], li: [], p: [], pre: [], strong: [], ul: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  input: ['type', 'checked', 'disabled'],
  ol: ['start'],
  table: [], thead: [], tbody: [], tr: [], th: ['align'], td: ['align'],
};
/** What the panel adds of its own to wide blocks (shared/ui/scroll-regions.ts): a scroller around tables, their names. */
const SCROLL_REGION = ['tabindex', 'role', 'aria-label'];
const RENDERED: Record<string, string[]> = { ...MARKED_OUTPUT, pre: SCROLL_REGION, div: ['class', ...SCROLL_REGION] };

interface Case {
  name: string;
  body: string;
}

/** Each card's problems, by the case it renders (its first line names it). Runs in the panel frame. */
function auditCards(allowed: Record<string, string[]>): string[] {
  const problems: string[] = [];
  const inside = (inner: DOMRect, outer: DOMRect) =>
    inner.left >= outer.left - 1 && inner.top >= outer.top - 1 && inner.right <= outer.right + 1 && inner.bottom <= outer.bottom + 1;
  for (const card of document.querySelectorAll<HTMLElement>('article.card')) {
    const markdown = card.querySelector('.markdown');
    const name = markdown?.querySelector('p')?.textContent?.split('\n')[0] ?? '(no markdown)';
    const say = (what: string) => problems.push(`${name}: ${what}`);
    if (!markdown) {
      say('no markdown');
      continue;
    }
    const cardBox = card.getBoundingClientRect();
    for (const el of markdown.querySelectorAll('*')) {
      const tag = el.localName;
      if (!(tag in allowed) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
        say(`<${el.tagName}> rendered`);
        continue;
      }
      for (const attr of el.getAttributeNames()) if (!allowed[tag]!.includes(attr)) say(`<${tag} ${attr}> rendered`);
      if (tag === 'code' && el.hasAttribute('class') && !/^language-[\w+#.-]+$/.test(el.getAttribute('class')!)) say(`<code class="${el.getAttribute('class')}">`);
      if (tag === 'div' && el.getAttribute('class') !== 'md-scroll') say(`<div class="${el.getAttribute('class')}">`);
      if (el.hasAttribute('role') && (el.getAttribute('role') !== 'region' || !/^(Code|Table), scrolls sideways$/.test(el.getAttribute('aria-label') ?? ''))) say('a region not of ours');
      if (tag === 'input' && (el.getAttribute('type') !== 'checkbox' || !el.hasAttribute('disabled'))) say('an enabled or non-checkbox input');
      if (tag === 'a') {
        const href = el.getAttribute('href');
        if (href === null) {
          if (el.hasAttribute('target')) say('a link without href has a target');
        } else {
          let protocol = '';
          try {
            protocol = new URL(href).protocol;
          } catch {
            protocol = '(relative)';
          }
          if (!['http:', 'https:', 'mailto:'].includes(protocol)) say(`a link to ${protocol} ${href.slice(0, 60)}`);
          if (el.getAttribute('target') !== '_blank') say(`a link with target ${el.getAttribute('target')}`);
          const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
          if (!rel.includes('noopener') || !rel.includes('noreferrer')) say(`a link with rel "${el.getAttribute('rel')}"`);
        }
      }
      // What shows of the element: its box, cut by every scrolling or clipping box between it and the card.
      let visible = el.getBoundingClientRect();
      if (!visible.width && !visible.height) continue;
      for (let up = el.parentElement; up && up !== card; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        const left = Math.max(visible.left, clip.left);
        const top = Math.max(visible.top, clip.top);
        visible = new DOMRect(left, top, Math.max(0, Math.min(visible.right, clip.right) - left), Math.max(0, Math.min(visible.bottom, clip.bottom) - top));
      }
      if ((visible.width || visible.height) && !inside(visible, cardBox)) say(`<${tag}> leaves its card (${Math.round(visible.left)},${Math.round(visible.top)} ${Math.round(visible.width)}×${Math.round(visible.height)})`);
    }
  }
  return problems;
}

/** The built extension's own files, as paths from its root ("/chunks/panel-….js"). */
function builtFiles(dir = E2E_EXTENSION_DIR): Set<string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  return new Set(files.map((f) => `/${relative(E2E_EXTENSION_DIR, join(f.parentPath, f.name))}`));
}

/** What a page and its frames do that the suite must see: requests and dialogs. */
function watch(page: Page) {
  const seen = { requests: [] as Array<{ url: string; frame: string }>, dialogs: [] as string[] };
  page.on('request', (r) => {
    let frame = '';
    try {
      frame = r.frame().url();
    } catch {
      // a worker's request: not the page's
    }
    seen.requests.push({ url: r.url(), frame });
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/**
 * Waits until the panel has drawn twice more (every load its content could start has started), then for
 * a request of its own to reach the logging server: what the content sent is there by then.
 */
async function settle(frame: Frame, tracker: RequestLogServer, label: string): Promise<void> {
  await frame.evaluate(async ([origin, path]) => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await fetch(`${origin}/${path}`);
  }, [tracker.origin, `sentinel-${label}`] as const);
  await expect.poll(() => tracker.heard.some((h) => h.endsWith(`/sentinel-${label}`))).toBe(true);
}

describe.skipIf(!browserAvailable)('hostile colleague content in the panel', () => {
  let tracker: RequestLogServer;
  const pages: Array<{ url: string; cases: Case[] }> = [];
  let ordinary: string;
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      tracker = await startRequestLogServer();
      ordinary = `${w.demo.origin}/accounts/8999`;
      await note(w, w.ben, ordinary, '# Renewals\n\n- [x] owner **confirmed**\n- [ ] terms\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n```js\nrenew()\n```\n\n> [Checklist](https://wiki.example/renewal) ![diagram](https://wiki.example/d.png)');
      const cases: Case[] = [
        ...hostileNotes(tracker.origin).map((c, i) => ({ name: `Hostile ${i + 1} (${c.kind}): ${c.title}`, body: c.body })),
        ...dompurifyCases.map((c, i) => ({ name: `DOMPurify ${i + 1}: ${c.title}`, body: c.payload })),
      ];
      for (let start = 0; start < cases.length; start += PAGE_SIZE) {
        const url = `${w.demo.origin}/accounts/${9000 + start / PAGE_SIZE}`;
        const batch = cases.slice(start, start + PAGE_SIZE);
        // The case's name is its first line, so the audit can say which case broke a rule.
        for (const c of batch) await note(w, w.ben, url, `${c.name.replace(/[<>[\]`*_\\#|!&]/g, ' ')}\n\n${c.body}`);
        pages.push({ url, cases: batch });
      }
    },
  });
  afterAll(() => tracker?.close());

  it(`renders every case of both corpora safely (${hostileNotes('x').length} of ours, ${dompurifyCases.length} of DOMPurify's)`, async () => {
    const ownFiles = builtFiles();
    const problems: string[] = [];
    for (const [index, { url, cases }] of pages.entries()) {
      const page = await ada().context.newPage();
      const seen = watch(page);
      await page.goto(url);
      const frame = await openPanel(page);
      await expect.poll(() => frame.locator('article.card').count(), { timeout: 20_000 }).toBe(cases.length);
      const panel = panelFrame(page);
      await settle(panel, tracker, `page-${index}`);
      if (index === 0) {
        await page.screenshot({ path: join(shots, 'hostile-links.png') });
        await frame.locator('article.card', { hasText: 'Hostile 1 (takeover)' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, 'hostile-takeover.png') });
      }

      problems.push(...(await panel.evaluate(auditCards, RENDERED)));
      const ran = await Promise.all([panel.evaluate(() => (window as { __ran?: string }).__ran), page.evaluate(() => (window as { __ran?: string }).__ran)]);
      if (ran.some((r) => r !== undefined)) problems.push(`page ${index}: a script ran (${ran.join(', ')})`);
      problems.push(...seen.dialogs.map((d) => `page ${index}: a dialog opened: ${d}`));
      const extension = new URL(panel.url()).origin;
      for (const r of seen.requests) {
        if (!r.frame.startsWith(extension) || r.url.includes('/sentinel-')) continue;
        const target = new URL(r.url);
        const ours = target.origin === extension && ownFiles.has(target.pathname);
        if (target.origin !== world().server.origin && !ours) problems.push(`page ${index}: the panel requested ${r.url}`);
      }
      await page.close();
    }
    expect({ heard: tracker.heard.filter((h) => !h.includes('/sentinel-')), problems }).toEqual({ heard: [], problems: [] });
  });

  it('the content security policy stops what would get past the sanitizer: no load, no script, no style attribute', async () => {
    const page = await ada().context.newPage();
    const seen = watch(page);
    const reports: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) reports.push(m.text()); // Chromium's wording, Firefox's
    });
    await page.goto(ordinary);
    const frame = await openPanel(page);
    await frame.getByRole('link', { name: 'diagram' }).waitFor();
    const panel = panelFrame(page);
    await settle(panel, tracker, 'ordinary');
    expect(reports).toEqual([]); // our own pages and ordinary markdown need nothing the policy forbids
    const heardBefore = tracker.heard.length;
    const position = await panel.evaluate(async (origin) => {
      const reported: string[] = [];
      (window as { __reported?: string[] }).__reported = reported;
      document.addEventListener('securitypolicyviolation', (e) => reported.push(e.effectiveDirective));
      const probe = document.createElement('div');
      // Written as raw HTML, as if the sanitizer had let it all through.
      probe.innerHTML = [
        `<img src="${origin}/csp-img">`,
        `<video src="${origin}/csp-video" poster="${origin}/csp-poster"></video>`,
        `<audio src="${origin}/csp-audio"></audio>`,
        `<link rel="stylesheet" href="${origin}/csp-sheet">`,
        `<div id="csp-cover" style="position:fixed;inset:0;background:url(${origin}/csp-bg)">cover</div>`,
        `<img src="x" onerror="window.__ran='onerror'">`,
        `<iframe src="${origin}/csp-frame"></iframe>`,
        `<object data="${origin}/csp-object"></object>`,
      ].join('');
      document.body.append(probe);
      const script = document.createElement('script');
      script.textContent = 'window.__ran = "inline script"';
      document.body.append(script);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return getComputedStyle(document.getElementById('csp-cover')!).position;
    }, tracker.origin);
    // Each thing the policy stopped is reported, some only once their load was tried.
    await expect
      .poll(() => panel.evaluate(() => [...new Set((window as { __reported?: string[] }).__reported)].sort()))
      .toEqual(['frame-src', 'img-src', 'media-src', 'object-src', 'script-src-attr', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
    await settle(panel, tracker, 'csp');
    expect(tracker.heard.slice(heardBefore).filter((h) => !h.includes('/sentinel-'))).toEqual([]);
    expect(position).toBe('static');
    expect(await panel.evaluate(() => (window as { __ran?: string }).__ran)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    await page.close();
  });
});
