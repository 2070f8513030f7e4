/** What a page answered: status, headers, body. */
export interface PageResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request; implemented over fetch (a real server) or app.inject (in process). */
export type Send = (request: { method: 'GET' | 'POST'; url: string; headers: Record<string, string>; body?: string }) => Promise<PageResponse>;

/** A sender for a server listening at baseUrl, that does not follow redirects. */
export function sendOverHttp(baseUrl: string): Send {
  return async ({ method, url, headers, body }) => {
    const res = await fetch(`${baseUrl}${url}`, { method, headers, body, redirect: 'manual' });
    const out: Record<string, string | string[]> = {};
    res.headers.forEach((value, name) => (out[name] = value));
    out['set-cookie'] = res.headers.getSetCookie();
    return { status: res.status, headers: out, body: await res.text() };
  };
}

/** The `_csrf` value of the first form of a page. */
export function csrfFieldOf(html: string): string {
  const match = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(html);
  if (!match?.[1]) throw new Error('The page has no form with an anti-forgery token');
  return match[1];
}

/** Keeps cookies like a browser and posts forms with the token read from the page they come from. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly send: Send) {}

  private header(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private remember(res: PageResponse): PageResponse {
    const raw = res.headers['set-cookie'];
    for (const line of Array.isArray(raw) ? raw : raw ? [raw] : []) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const isExpired = attributes.some((a) => /^\s*max-age=0$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (value === '' || isExpired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    return this.remember(await this.send({ method: 'GET', url, headers: { ...this.header(), ...headers } }));
  }

  /** Opens `pageUrl`, then submits its form to `action` with the fields given and the page's token. */
  async submit(pageUrl: string, action: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<PageResponse> {
    const page = await this.get(pageUrl);
    const body = new URLSearchParams({ _csrf: csrfFieldOf(page.body), ...fields }).toString();
    return this.remember(
      await this.send({ method: 'POST', url: action, headers: { ...this.header(), 'content-type': 'application/x-www-form-urlencoded', ...headers }, body }),
    );
  }
}
