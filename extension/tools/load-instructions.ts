// Printed by `npm start` after building the Chrome extension, before the API's own lines.
import { resolve } from 'node:path';

const dir = resolve('dist/extension/chrome-mv3');
console.log(`
Alongside extension (Chrome, Manifest V3) built in:
  ${dir}
Load it: open chrome://extensions, turn on Developer mode, click "Load unpacked" and pick that folder.
Then open the extension's options page, connect to the API below and sign in (or sign up).
`);
