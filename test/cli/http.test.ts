/**
 * The HTTP port and the pieces around it, against small local servers: OData headers, entity set names, errors in the
 * engine's shape with clear messages (401/403/404/network/timeout), a few requests in flight, the proxy, redaction,
 * output cleaning and the webhook format from the URL.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { fetchXmlPageOptions, nextFetchXmlPage, retryingPort, toDataverseError } from '../../diagnostics';
import { allowedFailing, parseMaxFailing } from '../../cli/args';
import { signedInCaller } from '../../cli/caller';
import { createFetch, proxySettings } from '../../cli/http/fetch';
import { ENTITY_SETS, environmentUrl } from '../../cli/http/environment';
import { createHttpPort, parseRetryAfter, type Fetch } from '../../cli/http/webapi';
import { Redactor } from '../../cli/io';
import { cleanText, csvCell, markdownCell, slackText } from '../../cli/sanitize';
import { webhookFormat } from '../../cli/webhook';
import { checkNoSecretInAnyOutput, MEGAN, run, startSandbox, TOKEN } from './helpers';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

async function server(handler: Handler): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
  const s = http.createServer(handler);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    server: s,
    close: () =>
      new Promise<void>((resolve) => {
        s.closeAllConnections();
        s.close(() => resolve());
      }),
  };
}

const nodeFetch: Fetch = (url, init) => fetch(url, init);

function port(environment: string, extra: Partial<Parameters<typeof createHttpPort>[0]> = {}) {
  return createHttpPort({ environment, entitySets: ENTITY_SETS, token: async () => TOKEN, fetch: nodeFetch, ...extra });
}

checkNoSecretInAnyOutput();

describe('HTTP port', () => {
  it('sends the OData headers, the bearer token, page size and annotations to /api/data/v9.2/<entity set>', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const paths: string[] = [];
    const s = await server((request, response) => {
      seen.push(request.headers);
      paths.push(request.url ?? '');
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          value: [{ a: 1 }],
          '@odata.nextLink': `${'http://x'}/api/data/v9.2/usersettingscollection?$select=a&$skiptoken=abc`,
        }),
      );
    });
    try {
      const result = await port(s.url).retrieveMultipleRecords('usersettings', '?$select=a', 250);
      expect(result).toEqual({
        entities: [{ a: 1 }],
        nextLink: 'http://x/api/data/v9.2/usersettingscollection?$select=a&$skiptoken=abc',
      });
      await port(s.url).retrieveMultipleRecords('mailbox', "$select=name&$filter=name eq '#1'");
      expect(paths[0]).toBe('/api/data/v9.2/usersettingscollection?$select=a');
      expect(paths[1]).toContain('/api/data/v9.2/mailboxes?$select=name&$filter=name%20eq%20%27%231%27');
      expect(seen[0]['odata-version']).toBe('4.0');
      expect(seen[0]['odata-maxversion']).toBe('4.0');
      expect(seen[0].accept).toBe('application/json');
      expect(seen[0].authorization).toBe(`Bearer ${TOKEN}`);
      expect(seen[0].prefer).toBe(
        'odata.maxpagesize=250,odata.include-annotations="OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname"',
      );
      expect(seen[1].prefer).toContain('odata.maxpagesize=5000');
      expect(ENTITY_SETS.mailbox).toBe('mailboxes');
      expect(ENTITY_SETS.usersettings).toBe('usersettingscollection');
    } finally {
      await s.close();
    }
  });

  it('asks a FetchXML page for its paging cookie and returns it as Xrm.WebApi does, only while more rows match', async () => {
    const cookie =
      '<cookie pagenumber="2" pagingcookie="%253ccookie%2520page%253d%25221%2522%253e%253c%252fcookie%253e" istracking="False" />';
    const prefers: unknown[] = [];
    const s = await server((request, response) => {
      prefers.push(request.headers.prefer);
      const more = (request.url ?? '').includes('page%3D%221%22');
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          value: [{ name: 'a' }],
          ...(more
            ? { '@Microsoft.Dynamics.CRM.fetchxmlpagingcookie': cookie, '@Microsoft.Dynamics.CRM.morerecords': true }
            : {}),
        }),
      );
    });
    try {
      const fetchXml = '<fetch><entity name="mailbox"><attribute name="name" /></entity></fetch>';
      const first = await port(s.url, { formattedValues: false }).retrieveMultipleRecords(
        'mailbox',
        fetchXmlPageOptions(fetchXml, 1),
      );
      expect(first).toEqual({ entities: [{ name: 'a' }], fetchXmlPagingCookie: cookie });
      const last = await port(s.url).retrieveMultipleRecords(
        'mailbox',
        fetchXmlPageOptions(fetchXml, 1, nextFetchXmlPage(cookie)!),
      );
      expect(last).toEqual({ entities: [{ name: 'a' }] });
      // Learn: the paging annotations come back only when asked for; a FetchXML page is its count, not odata.maxpagesize.
      expect(prefers[0]).toBe(
        'odata.include-annotations="Microsoft.Dynamics.CRM.lookuplogicalname,Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords"',
      );
      expect(prefers[1]).toBe(
        'odata.include-annotations="OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname,Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords"',
      );
    } finally {
      await s.close();
    }
  });

  it('decodes a body that arrives in pieces, a character split between two of them included', async () => {
    const body = Buffer.from(JSON.stringify({ value: [{ name: 'Zoë “quoted” 日本 🙂', n: 1 }] }), 'utf8');
    const s = await server((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      // One byte at a time for the first 40 (inside "ë", "“" and the rest), then the remainder.
      let at = 0;
      const next = () => {
        if (at >= 40) return void response.end(body.subarray(at));
        response.write(body.subarray(at, at + 1));
        at++;
        setImmediate(next);
      };
      next();
    });
    try {
      expect((await port(s.url).retrieveMultipleRecords('mailbox', '?$select=name')).entities).toEqual([
        { name: 'Zoë “quoted” 日本 🙂', n: 1 },
      ]);
    } finally {
      await s.close();
    }
  });

  it('lean rows for a scan: no ETag, every other value as it came; an ordinary port keeps the rows whole', async () => {
    const text =
      'Email cannot be received for the mailbox because the credentials specified in the associated email server profile are incorrect.';
    const rows = [1, 2, 3].map((i) => ({
      '@odata.etag': `W/"${i}"`,
      tracelogid: `0000000${i}-0000-4000-8000-000000000000`,
      text,
      level: 3,
      errordetails: null,
    }));
    const s = await server((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ value: rows }));
    });
    try {
      const lean = await port(s.url, { lean: true }).retrieveMultipleRecords('tracelog', '?$select=text');
      expect(lean.entities).toEqual(rows.map(({ '@odata.etag': _etag, ...rest }) => rest));
      expect((await port(s.url).retrieveMultipleRecords('tracelog', '?$select=text')).entities).toEqual(rows);
    } finally {
      await s.close();
    }
  });

  it('throws {status, retryAfterSeconds, error: {code, message}} with clear messages', async () => {
    const s = await server((request, response) => {
      const status = Number(/status=(\d+)/.exec(request.url ?? '')?.[1] ?? 200);
      if (status === 429) response.setHeader('Retry-After', '7');
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(
        status === 401
          ? ''
          : status === 404
            ? ''
            : JSON.stringify({
                error: { code: '0x80040220', message: 'Principal user is missing prvReadMailbox privilege' },
              }),
      );
    });
    try {
      const p = port(s.url);
      const attempt = async (status: number) =>
        toDataverseError(await p.retrieveMultipleRecords('mailbox', `?status=${status}`).catch((e: unknown) => e));
      const unauthorized = await attempt(401);
      expect(unauthorized.status).toBe(401);
      expect(unauthorized.message).toContain('did not accept the sign-in (401 Unauthorized)');
      const forbidden = await attempt(403);
      expect(forbidden.kind).toBe('privilege');
      expect(forbidden.code).toBe('0x80040220');
      expect(forbidden.message).toContain('prvReadMailbox');
      const notFound = await attempt(404);
      expect(notFound.kind).toBe('not-found');
      expect(notFound.message).toContain('Not found at 127.0.0.1');
      const throttled = await attempt(429);
      expect(throttled.kind).toBe('throttled');
      expect(throttled.retryAfterSeconds).toBe(7);
    } finally {
      await s.close();
    }
    const gone = await server(() => undefined);
    await gone.close();
    const closed = port(gone.url);
    const network = toDataverseError(await closed.retrieveRecord('mailbox', MEGAN).catch((e: unknown) => e));
    expect(network.kind).toBe('network');
    expect(network.message).toBe(`Could not reach ${gone.url.replace('http://', '')}: ECONNREFUSED.`);
  });

  it('times out a request that gets no answer', async () => {
    const s = await server(() => undefined);
    try {
      const error = toDataverseError(
        await port(s.url, { timeoutMs: 150 })
          .retrieveRecord('mailbox', MEGAN)
          .catch((e: unknown) => e),
      );
      expect(error.kind).toBe('network');
      expect(error.message).toContain('No answer from 127.0.0.1');
    } finally {
      await s.close();
    }
  });

  it('keeps at most a few requests in flight', async () => {
    let active = 0;
    let peak = 0;
    const s = await server((_request, response) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"value":[]}');
      }, 30);
    });
    try {
      const p = port(s.url);
      await Promise.all(Array.from({ length: 12 }, () => p.retrieveMultipleRecords('mailbox', '?$select=name')));
      expect(peak).toBe(6);
    } finally {
      await s.close();
    }
  });

  it('PATCHes with If-Match and JSON', async () => {
    let seen: { method?: string; headers?: http.IncomingHttpHeaders; body?: string } = {};
    const s = await server((request, response) => {
      let body = '';
      request.on('data', (c: Buffer) => (body += c.toString()));
      request.on('end', () => {
        seen = { method: request.method, headers: request.headers, body };
        response.writeHead(204);
        response.end();
      });
    });
    try {
      await port(s.url).updateRecord('mailbox', `{${MEGAN}}`, { testemailconfigurationscheduled: true });
      expect(seen.method).toBe('PATCH');
      expect(seen.headers?.['if-match']).toBe('*');
      expect(seen.headers?.['content-type']).toContain('application/json');
      expect(JSON.parse(seen.body!)).toEqual({ testemailconfigurationscheduled: true });
    } finally {
      await s.close();
    }
  });

  it("checks every successful answer: JSON content type, a body that parses, Dataverse's shape; one clear error otherwise, never retried", async () => {
    let answer: { status: number; type?: string; body: string } = { status: 200, body: '' };
    let requests = 0;
    const s = await server((_request, response) => {
      requests++;
      response.writeHead(answer.status, answer.type ? { 'Content-Type': answer.type } : {});
      response.end(answer.body);
    });
    const p = port(s.url, { primaryKeys: { mailbox: 'mailboxid', usersettings: 'systemuserid' } });
    // A read through the engine's retries: what it rejects with, and how many requests it took.
    const failureOf = async () => {
      const before = requests;
      const error = await retryingPort(p, { sleep: async () => undefined })
        .retrieveMultipleRecords('mailbox', '?$select=name')
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      return { error: error === undefined ? undefined : toDataverseError(error), requests: requests - before };
    };
    const hint = 'check --url (the environment URL, e.g. https://contoso.crm.dynamics.com) and sign-in.';
    try {
      const longSecret = 'x'.repeat(500);
      answer = {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>\u001b[2J${longSecret}</body></html>`,
      };
      const html = await failureOf();
      expect(html.error?.kind).toBe('bad-answer');
      expect(html.error?.message).toBe(
        `The server answered with an HTML page ("Sign in to your account"), not the Dataverse Web API: ${hint}`,
      );
      // Not transient: one request, no retry.
      expect(html.requests).toBe(1);

      answer = {
        status: 200,
        type: 'application/json',
        body: '{"value":[{"mailboxid":"97963663-8bfb-4bdc-8db7-5f0ee011428a","name":"Meg',
      };
      const truncated = await failureOf();
      expect(truncated.error?.message).toMatch(
        /^The server answered with JSON that does not parse \(\d+ characters, ending "…?.*Meg"\): the answer was cut short/,
      );

      answer = { status: 200, type: 'application/json; odata.metadata=minimal', body: '{"items":[]}' };
      expect((await failureOf()).error?.message).toBe(
        `The server answered with JSON that is not a Dataverse answer (no "value" list of mailboxes): ${hint}`,
      );

      answer = { status: 200, type: 'application/json', body: '{"value":[{"name":"no key"}]}' };
      expect((await failureOf()).error?.message).toContain('(a row of mailboxes without its mailboxid)');

      answer = { status: 200, body: '' };
      expect((await failureOf()).error?.message).toBe(
        `The server answered HTTP 200 with an empty body, not the Dataverse Web API: ${hint}`,
      );

      answer = { status: 204, body: '' };
      expect((await failureOf()).error?.message).toContain('answered HTTP 204 with an empty body');

      answer = { status: 200, type: 'text/plain', body: `{"value":[]} ${longSecret}` };
      const plain = (await failureOf()).error!;
      expect(plain.message).toMatch(
        /^The server answered with text\/plain \("\{'value':\[\]\} x+…"\), not the JSON of the Dataverse Web API/,
      );
      expect(plain.message).not.toContain(longSecret);

      // An SSO proxy's redirect to its sign-in page: the target's host only (the rest may carry sign-in state).
      const redirect = await server((_request, response) => {
        response.writeHead(302, { Location: 'https://login.sso.contoso.example/authorize?state=SeCrEt-state' });
        response.end();
      });
      try {
        const redirected = toDataverseError(
          await port(redirect.url)
            .retrieveRecord('mailbox', MEGAN)
            .catch((e: unknown) => e),
        );
        expect(redirected.kind).toBe('bad-answer');
        expect(redirected.message).toBe(
          `The server redirected the request (HTTP 302) to login.sso.contoso.example instead of answering as the Dataverse Web API: ${hint}`,
        );
      } finally {
        await redirect.close();
      }

      // A record carries its primary key; a function answer its documented property.
      answer = { status: 200, type: 'application/json', body: '{"incomingemailfilteringmethod":1}' };
      const record = toDataverseError(await p.retrieveRecord('usersettings', MEGAN).catch((e: unknown) => e));
      expect(record.message).toContain('(the usersettingscollection record has no systemuserid)');
      answer = { status: 200, type: 'application/json', body: '{"BusinessUnitId":"x"}' };
      const whoAmI = toDataverseError(await p.get('WhoAmI').catch((e: unknown) => e));
      expect(whoAmI.message).toContain('(WhoAmI answered without UserId)');
      answer = { status: 200, type: 'application/json', body: `{"UserId":"${MEGAN}"}` };
      await expect(p.get('WhoAmI')).resolves.toEqual({ UserId: MEGAN });
      // FetchXML aggregates have no primary key in their rows.
      answer = { status: 200, type: 'application/json', body: '{"value":[{"mailboxcount":3}]}' };
      await expect(
        p.retrieveMultipleRecords('mailbox', '?fetchXml=%3Cfetch%20aggregate%3D%22true%22%3E'),
      ).resolves.toEqual({ entities: [{ mailboxcount: 3 }] });
      // A write may answer 204 No Content.
      answer = { status: 204, body: '' };
      await expect(p.updateRecord('mailbox', MEGAN, { testemailconfigurationscheduled: true })).resolves.toEqual({
        entityType: 'mailbox',
        id: MEGAN,
      });
    } finally {
      await s.close();
    }
  });

  it('asks WhoAmI who signs in; the caller stays unknown when it cannot say, and the run goes on', async () => {
    const answers = [
      {
        status: 200,
        body: { UserId: '3B2C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D01', BusinessUnitId: 'x', OrganizationId: 'y' },
      },
      { status: 200, body: {} },
      { status: 403, body: { error: { code: '0x80040220', message: 'Principal user is missing prvReadUser.' } } },
    ];
    const paths: string[] = [];
    const s = await server((request, response) => {
      paths.push(request.url ?? '');
      const answer = answers.shift()!;
      response.writeHead(answer.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    try {
      const retry = { sleep: async () => undefined };
      expect(await signedInCaller(port(s.url), retry)).toEqual({
        userId: '3b2c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d01',
        systemAdministrator: null,
      });
      expect(await signedInCaller(port(s.url), retry)).toBeUndefined();
      expect(await signedInCaller(port(s.url), retry)).toBeUndefined();
      expect(paths).toEqual(['/api/data/v9.2/WhoAmI', '/api/data/v9.2/WhoAmI', '/api/data/v9.2/WhoAmI']);
    } finally {
      await s.close();
    }
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('goes through HTTP(S)_PROXY with undici, honouring NO_PROXY', async () => {
    expect(proxySettings({})).toBeUndefined();
    expect(proxySettings({ https_proxy: 'http://proxy:8080', NO_PROXY: 'localhost' })).toEqual({
      httpsProxy: 'http://proxy:8080',
      noProxy: 'localhost',
    });
    const sandbox = await startSandbox({ small: true });
    const proxied: string[] = [];
    // A tunnelling proxy: undici's ProxyAgent opens a CONNECT tunnel to the target.
    const proxy = await server((_request, response) => {
      response.writeHead(405);
      response.end();
    });
    proxy.server.on('connect', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      proxied.push(request.url ?? '');
      const [host, targetPort] = (request.url ?? '').split(':');
      const upstream = net.connect(Number(targetPort), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    try {
      const proxiedFetch = await createFetch({ HTTP_PROXY: proxy.url });
      const result = await run(['diagnose', '--url', sandbox.emulator.url, '--mailbox', MEGAN, '--format', 'json'], {
        fetch: proxiedFetch,
      });
      expect(result.code).toBe(0);
      expect(proxied.length).toBeGreaterThanOrEqual(1);
      expect(proxied[0]).toBe(sandbox.emulator.url.replace('http://', ''));
    } finally {
      await proxy.close();
      await sandbox.emulator.close();
    }
  });
});

describe('pure pieces', () => {
  it('normalises --url to the origin; https only away from this machine', () => {
    expect(environmentUrl('https://contoso.crm.dynamics.com/main.aspx?appid=1')).toBe(
      'https://contoso.crm.dynamics.com',
    );
    expect(environmentUrl('http://localhost:5555/')).toBe('http://localhost:5555');
    expect(() => environmentUrl('http://contoso.crm.dynamics.com')).toThrow();
    expect(() => environmentUrl('ftp://localhost')).toThrow();
  });

  it('parses --max-failing', () => {
    expect(parseMaxFailing('25')).toEqual({ kind: 'count', value: 25, text: '25' });
    expect(parseMaxFailing('2.5%')).toEqual({ kind: 'percent', value: 2.5, text: '2.5%' });
    expect(allowedFailing(parseMaxFailing('2.5%'), 1000)).toBe(25);
    expect(() => parseMaxFailing('-1')).toThrow();
    expect(() => parseMaxFailing('101%')).toThrow();
  });

  it('tells the webhook format from the URL', () => {
    expect(webhookFormat('https://hooks.slack.com/services/T/B/x')).toBe('slack');
    expect(
      webhookFormat('https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x'),
    ).toBe('teams');
    expect(
      webhookFormat(
        'https://default0123.ab.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x',
      ),
    ).toBe('teams');
    expect(webhookFormat('https://example.com/x', 'slack')).toBe('slack');
    expect(() => webhookFormat('https://example.com/x')).toThrow();
    expect(() => webhookFormat('https://outlook.office.com/webhook/x')).toThrow();
  });

  it('removes terminal escapes, controls, bidi overrides and Slack mentions; escapes each format', () => {
    const evil =
      'a\u001b[2J\u001b]8;;http://x\u0007link\u001b]8;;\u0007\u009b31m\u0000\u202eb <!here> <@U123ABC> <!subteam^S1|team> c';
    expect(cleanText(evil)).toBe('alinkb    c');
    expect(cleanText('two\nlines\ttab')).toBe('two\nlines\ttab');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@A1')).toBe("'@A1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('ok')).toBe('ok');
    expect(markdownCell('a|b\nc')).toBe('a\\|b c');
    expect(slackText('<https://evil|click> & *bold*')).toBe(
      '&lt;https://evil|click&gt; &amp; \u200b*\u200bbold\u200b*\u200b',
    );
  });

  it('redacts every secret it knows, encoded or not', () => {
    const redactor = new Redactor();
    redactor.add(TOKEN);
    redactor.addUrl('https://prod.logic.azure.com/workflows/abc/invoke?sig=SeCrEtSiGnAtUrE');
    redactor.add('short');
    const text = `token ${TOKEN} url https://prod.logic.azure.com/workflows/abc/invoke?sig=SeCrEtSiGnAtUrE sig ${encodeURIComponent('SeCrEtSiGnAtUrE')} short`;
    const result = redactor.apply(text);
    expect(result).not.toContain(TOKEN);
    expect(result).not.toContain('SeCrEtSiGnAtUrE');
    expect(result).toContain('short');
  });
});
