// The server's version: the package's, one source for /health, /server and the OpenAPI document.
import pkg from '../package.json' with { type: 'json' };

export const API_VERSION: string = pkg.version;
