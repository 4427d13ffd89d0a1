// Firefox ESR (stock, not Playwright's patched build) launched by puppeteer-core over WebDriver BiDi, with
// the e2e build installed as a temporary add-on under a fixed moz-extension:// origin. What BiDi does not
// reach from a tab (opening extension pages, answering the add-on permission doorhanger, the colour
// scheme) goes through the browser's own chrome scope (needs --remote-allow-system-access).
import puppeteer, { type Browser } from 'puppeteer-core';
import { Bidi } from './bidi';
import { retry } from './locator';
import type { Cookie } from '../driver';
import { FirefoxPage, type FirefoxBrowserParts } from './page';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'alongside@alongside.dev'; // wxt.config.ts
/** The extension's fixed moz-extension:// host (Firefox otherwise draws a random one per install). */
export const FIREFOX_EXTENSION_UUID = 'a1040e9d-0000-4000-8000-00000000a1e0';

interface TreeNode {
  context: string;
  url: string;
  children: TreeNode[] | null;
}

interface BidiCookie {
  name: string;
  value: { type: 'string'; value: string };
  httpOnly: boolean;
  sameSite: 'strict' | 'lax' | 'none' | 'default';
}

/** Clicks "Allow" on the add-on permission doorhanger if it shows (chrome scope); answers whether it did. */
const CLICK_PERMISSION_PROMPT = `(() => {
  const n = document.getElementById('addon-webext-permissions-notification');
  if (!n || n.hidden || PopupNotifications.panel.state !== 'open') return false;
  n.button.click();
  return true;
})()`;

/** A session of a Firefox (newSession): its tabs share its cookies, and no other session's. */
export interface FirefoxSession extends FirefoxBrowserParts {
  newPage(): Promise<FirefoxPage>;
}

export class FirefoxBrowser implements FirefoxBrowserParts {
  readonly bidi: Bidi;
  readonly #pages = new Set<FirefoxPage>();

  private constructor(private readonly browser: Browser) {
    this.bidi = new Bidi(browser);
  }

  static async launch(options: { extensionDir?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<FirefoxBrowser> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: null,
      args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        // Offline means offline for the test servers on 127.0.0.1 too (Firefox keeps loopback up by default).
        'network.disable-localhost-when-offline': true,
        // Notifications in Firefox's own alert window, which stays up (alerts.totalOpenTime) as a desktop's
        // notification does: with no notification daemon here, the system backend ends each one at once,
        // and notifications.getAll() never holds it.
        'alerts.useSystemBackend': false,
        // 0 dark, 1 light (what the page's prefers-color-scheme answers).
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      },
    });
    const firefox = new FirefoxBrowser(browser);
    if (options.extensionDir) await browser.installExtension(options.extensionDir);
    return firefox;
  }

  /** A new tab on about:blank. */
  async newPage(): Promise<FirefoxPage> {
    return this.newTab(this);
  }

  /**
   * A session of its own in this browser (a BiDi user context: its own cookies and storage), as a
   * Playwright browser context is; the colour scheme is the browser's, for every session.
   */
  async newSession(colorScheme: 'light' | 'dark' = 'light'): Promise<FirefoxSession> {
    await this.setColorScheme(colorScheme);
    const { userContext } = await this.bidi.send<{ userContext: string }>('browser.createUserContext', {});
    const parts: FirefoxBrowserParts = {
      bidi: this.bidi,
      openTab: (url) => this.openTab(url),
      setColorScheme: (scheme) => this.setColorScheme(scheme),
      grantPermissions: (permissions) => this.grantPermissions(permissions),
      cookies: () => this.cookies(userContext),
      close: () => this.bidi.send('browser.removeUserContext', { userContext }).then(() => undefined),
    };
    return { ...parts, newPage: () => this.newTab(parts, userContext) };
  }

  private async newTab(parts: FirefoxBrowserParts, userContext?: string): Promise<FirefoxPage> {
    const { context } = await this.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab', ...(userContext ? { userContext } : {}) });
    await this.setWindowViewport(context);
    return this.track(new FirefoxPage(parts, context));
  }

  /**
   * Opens `url` (moz-extension:// too) in a new tab from the browser's own scope, and waits for it to load.
   * A background tab leaves the tab in front where it is (a tab sent to the back may have its timers held).
   */
  async openTab(url: string, { background = false } = {}): Promise<string> {
    const before = new Set((await this.contentTree()).map((n) => n.context));
    await this.chromeEval(`openTrustedLinkIn(${JSON.stringify(url)}, '${background ? 'tabshifted' : 'tab'}'); true`);
    const context = await retry(`opening ${url}`, async () => {
      const fresh = (await this.contentTree()).find((n) => !before.has(n.context));
      return fresh ? fresh.context : { wait: 'no new tab yet' };
    });
    await retry(`loading ${url}`, async () => {
      const state = await this.bidi.call<string>(context, 'page', '() => document.readyState + " " + location.href');
      return state === `complete ${url}` ? true : { wait: state };
    });
    await this.setWindowViewport(context);
    return context;
  }

  async openPage(url: string): Promise<FirefoxPage> {
    return this.track(new FirefoxPage(this, await this.openTab(url), url));
  }

  pages(): FirefoxPage[] {
    return [...this.#pages];
  }

  /**
   * The next tab opened (by the page or the extension), once its first navigation committed. BiDi's events
   * say so for most tabs; a tab a moz-extension page's link opens may bring none of them, so the tab tree
   * is watched too: a new tab that left about:blank.
   */
  async waitForEvent(event: 'page', predicate: (page: FirefoxPage) => boolean | Promise<boolean> = () => true): Promise<FirefoxPage> {
    if (event !== 'page') throw new Error(`Firefox driver: waitForEvent(${event}) is not supported`);
    const known = new Set((await this.contentTree()).map((n) => n.context));
    const fresh = new Set<string>(); // tabs created since: BiDi's load event does not say whether it is a frame's
    return new Promise((resolve, reject) => {
      let finished = false;
      const done = () => ((finished = true), clearTimeout(timer), offCreated(), offLoad());
      const timer = setTimeout(() => (done(), reject(new Error('Firefox driver: waitForEvent(page): no page opened in 30 s'))), 30_000);
      const offCreated = this.bidi.on<{ context: string; parent: string | null }>('browsingContext.contextCreated', (e) => {
        if (!e.parent && !known.has(e.context)) fresh.add(e.context);
      });
      const opened = async (e: { context: string; url: string }) => {
        if (finished || known.has(e.context)) return;
        known.add(e.context);
        fresh.delete(e.context);
        const page = this.track(new FirefoxPage(this, e.context, e.url));
        if (!(await predicate(page)) || finished) return;
        done();
        resolve(page);
      };
      // Its first commit, or its load where Firefox reports no commit (a link's target=_blank tab).
      const onEvent = (e: { context: string; url: string }) => void (fresh.has(e.context) && opened(e));
      const offs = ['browsingContext.navigationCommitted', 'browsingContext.domContentLoaded', 'browsingContext.load'].map((event) => this.bidi.on(event, onEvent));
      const offLoad = () => offs.forEach((off) => off());
      void (async () => {
        while (!finished) {
          const tab = (await this.contentTree().catch(() => [])).find((n) => !known.has(n.context) && n.url !== 'about:blank');
          if (tab) await opened(tab);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
    });
  }

  /**
   * Unloads the extension's background event page as Firefox does when it has been idle (the call behind
   * about:debugging's "Terminate background script"); its next event starts it again.
   */
  async terminateBackground(): Promise<void> {
    const done = await this.chromeEval(`(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
      if (!extension) return false;
      await extension.terminateBackground({ ignoreDevToolsAttached: true });
      return true;
    })()`);
    if (!done) throw new Error('Firefox driver: terminateBackground: the extension is not installed');
  }

  /** Firefox's own offline switch: the whole browser, as Playwright's context here (one per browser). */
  async setOffline(offline: boolean): Promise<void> {
    await this.chromeEval(`Services.io.manageOfflineStatus = false; Services.io.offline = ${offline}; true`);
  }

  async setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.chromeEval(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1}); true`);
  }

  /**
   * Runs `during` (clicks that may ask for permissions) while answering each add-on permission doorhanger
   * (`permissions.request`) that shows with its primary button, "Allow", as a user would. Firefox shows
   * none when the extension holds the permission already. Answers how many it allowed.
   */
  async allowingPermissionPrompts<T>(during: () => Promise<T>): Promise<{ result: T; allowed: number }> {
    let done = false;
    let allowed = 0;
    const answering = (async () => {
      while (!done) {
        if (await this.chromeEval(CLICK_PERMISSION_PROMPT)) allowed++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    try {
      return { result: await during(), allowed };
    } finally {
      done = true;
      await answering;
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** The cookies of the default session, or of a user context's (newSession). */
  async cookies(userContext?: string): Promise<Cookie[]> {
    const partition = userContext ? { partition: { type: 'storageKey', userContext } } : {};
    const { cookies } = await this.bidi.send<{ cookies: BidiCookie[] }>('storage.getCookies', partition);
    const sameSite = { strict: 'Strict', lax: 'Lax', none: 'None', default: 'Lax' } as const;
    return cookies.map((c) => ({ name: c.name, value: c.value.value, httpOnly: c.httpOnly, sameSite: sameSite[c.sameSite] }));
  }

  /**
   * Firefox has no clipboard permission to grant: writeText needs the click a test makes anyway, and
   * readText shows a "Paste" menu to click unless this testing preference is on.
   */
  async grantPermissions(permissions: Array<'clipboard-read' | 'clipboard-write'>): Promise<void> {
    if (permissions.includes('clipboard-read')) await this.chromeEval(`Services.prefs.setBoolPref('dom.events.testing.asyncClipboard', true); true`);
  }

  private track(page: FirefoxPage): FirefoxPage {
    this.#pages.add(page);
    const close = page.close.bind(page);
    page.close = async () => {
      this.#pages.delete(page);
      await close();
    };
    return page;
  }

  /** Playwright's default viewport (1280x800) for every tab. */
  private async setWindowViewport(context: string): Promise<void> {
    await this.bidi.send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 800 } });
  }

  private async contentTree(): Promise<TreeNode[]> {
    return (await this.bidi.send<{ contexts: TreeNode[] }>('browsingContext.getTree', { maxDepth: 0 })).contexts;
  }

  private async chromeEval(expression: string): Promise<unknown> {
    const { contexts } = await this.bidi.send<{ contexts: TreeNode[] }>('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('Firefox driver: no browser window in the chrome scope');
    const answer = await this.bidi.send<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    });
    if (answer.type === 'exception') throw new Error(`Firefox driver: in the chrome scope: ${answer.exceptionDetails?.text}`);
    return answer.result?.value;
  }
}
