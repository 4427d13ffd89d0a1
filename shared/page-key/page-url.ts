// The URL of a page, as page keys and screens read it: absolute, http or https.

export type PageKeyErrorCode = 'bad_url' | 'unsupported_scheme';

/** A URL that cannot be turned into a page key. */
export class PageKeyError extends Error {
  override readonly name = 'PageKeyError';
  readonly code: PageKeyErrorCode;
  constructor(code: PageKeyErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The URL of a page; throws PageKeyError for anything but an absolute http(s) URL. */
export function parsePageURL(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PageKeyError('bad_url', `Not a valid absolute URL: "${url.length > 200 ? `${url.slice(0, 200)}…` : url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PageKeyError('unsupported_scheme', `Only http and https pages have page keys, not ${parsed.protocol}`);
  }
  return parsed;
}

