import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// extension/ is WXT's source folder; docs/architecture.md describes the parts, extension/README.md this one.
//
// ALONGSIDE_E2E=1 makes the build the end-to-end tests load (test/e2e): it goes to its own folder.
// Its Chrome build lists http://127.0.0.1/* (any port) as a required host permission, because headless
// Chromium cannot click the native permission prompt. `permissions.request` then resolves true at once,
// so the options page's Connect and Grant click paths still run as in the product. Its Firefox build
// holds no such shortcut: the tests answer Firefox's permission doorhanger as a user would
// (test/support/firefox). Its content script's
// shadow root is open (`__ALONGSIDE_E2E__`), so Playwright reaches the launcher and markers; the
// product's is closed, out of the host page's scripts' reach. It also carries a blank extension page,
// extension-eval.html, where the Firefox tests call the extension's APIs (its background is an event page
// WebDriver BiDi does not list): a page of the product there would do its own work, such as the options
// page fetching the site list while a test counts what reaches the API.
const e2e = process.env.ALONGSIDE_E2E === '1';

// The extension pages' content security policy: the second wall behind the panel's markdown allowlist
// (extension/entrypoints/panel/markdown.ts). Nothing but our own scripts and stylesheets runs or applies
// (no inline script, no style attribute); no image, media, font or frame loads from anywhere but the
// extension (no tracking pixel, even if a note got one past the sanitizer). connect-src stays open to
// http(s) because the API's address is the user's setting, known only at run time; only our scripts
// can connect, and colleague content runs none.
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "media-src 'none'",
  'connect-src http: https:',
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Firefox's add-on settings. data_collection_permissions is what Firefox tells the person at install
// (Extension Workshop, "Firefox built-in consent for data collection and transmission"), and what the
// extension sends is the point of it, to the company's own server, so all of it is required: the account
// (name, email: personallyIdentifyingInfo; password and session token: authenticationInfo), the pages of
// the configured apps one visits (their page keys: browsingActivity), the elements tips are pinned to (an
// element's text and attributes: websiteContent) and what one writes to colleagues (notes, questions,
// answers, replies: personalCommunications). Nothing about any other site, no telemetry. Firefox 140 is
// the first to show that consent (and an ESR); 142 on Android.
const GECKO_SETTINGS = {
  gecko: {
    id: 'alongside@alongside.dev',
    strict_min_version: '140.0',
    data_collection_permissions: {
      required: ['personallyIdentifyingInfo', 'authenticationInfo', 'browsingActivity', 'websiteContent', 'personalCommunications'],
    },
  },
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  // The same alias as tsconfig.json's paths: shared/ is imported as @shared/... on both sides.
  alias: { '@shared': resolve(import.meta.dirname, 'shared') },
  outDir: e2e ? 'dist/extension-e2e' : 'dist/extension',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ define: { __ALONGSIDE_E2E__: JSON.stringify(e2e) } }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      if (e2e) files.push({ relativeDest: 'extension-eval.html', contents: '<!doctype html><meta charset="utf-8"><title>extension-eval</title>' });
    },
  },
  manifest: ({ browser }) => {
    const shortcut = e2e && browser !== 'firefox';
    return {
    name: 'Alongside',
    description: "Colleagues' notes, tips and answers on the company's internal apps.",
    // `notifications` is asked for when the user turns them on (options page). The Chrome e2e build holds it
    // from the start, for the reason it holds 127.0.0.1 (headless Chromium cannot answer the prompt).
    permissions: ['storage', 'alarms', 'scripting', ...(shortcut ? ['notifications'] : [])],
    ...(shortcut ? {} : { optional_permissions: ['notifications'] }),
    // The API server and the sites are asked for on the user's click (options page), one origin at a time.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(shortcut ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: 'Alongside' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Open or close the Alongside panel on this page',
      },
      'pin-tip': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Pin a tip to an element of this page',
      },
    },
    // The panel is framed by the content script, which runs only on granted sites; the manifest cannot
    // list those (they are granted at run time), so the page is reachable from any http(s) origin. It
    // shows nothing but in the frame our content script made (background/panel-frames.ts). Chrome serves
    // it only at a per-session URL (use_dynamic_url), which the content script gets from runtime.getURL:
    // a page cannot detect the extension by fetching chrome-extension://<id>/panel.html. Firefox has no
    // such key and needs none: its extension URLs carry a random per-install id.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    storage: { managed_schema: 'managed_schema.json' },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox' ? { browser_specific_settings: GECKO_SETTINGS } : {}),
    };
  },
});
