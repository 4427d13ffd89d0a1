// Names the libraries of our in-page scripts look up on the global object, made our own before they run.
// A name the browser does not define (Chrome has no `browser`; some browsers no `navigation`) resolves to
// the host page's element of that id or name (DOM clobbering): <form id="browser"><input name="runtime"
// id="x"></form> would pass for the extension API in webextension-polyfill's check. An own property of
// this world's global, even undefined, comes before any element. Import this first.
for (const name of ['browser', 'navigation']) {
  if (!Object.hasOwn(globalThis, name)) Object.defineProperty(globalThis, name, { value: undefined, writable: true, configurable: true });
}
