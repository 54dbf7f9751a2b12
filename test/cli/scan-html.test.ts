/**
 * `scan --format html`: one self-contained file (no script, nothing to load, a CSP that allows only its own stylesheet),
 * Dataverse text kept as text (markup, </script>, bidi overrides, control characters), the groups by cause and the
 * charts; earlier scans (repeated --previous, or a folder) for the trend and the baseline of `change`; --report-url
 * in the Teams and Slack posts. The browser's view of the same file is in test/e2e/scan-report.test.ts.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanDocument } from '../../cli/scan-report';
import { CHECK_ORDER, type CheckId } from '../../diagnostics';
import {
  checkNoSecretInAnyOutput,
  MEGAN,
  requestsSince,
  run,
  startReceiver,
  temporaryFolder,
  useSandbox,
} from './helpers';

const HOSTILE_NAME =
  '<img src=x onerror="alert(1)"></script><script>alert(2)</script> \u202eevil\u202c \u0007bell \u001b[31mred\u001b[0m';
const HOSTILE_PROFILE = '</title><style>body{background:url(https://evil.example/x)}</style>';
const HOSTILE_ALERT =
  'Email Server Error Code: <svg onload=alert(3)></svg></script> \u2066isolated\u2069 ErrorWeirdThing.';

const evil = useSandbox({ small: true }, (emulator) => {
  const megan = emulator.store.find('mailbox', MEGAN)!;
  Object.assign(megan, { name: HOSTILE_NAME, emailaddress: 'megan"<b>@contoso.com', enabledforincomingemail: false });
  const profile = emulator.store.find('emailserverprofile', String(megan._emailserverprofile_value))!;
  profile.name = HOSTILE_PROFILE;
  emulator.store.tables.tracelog.push({
    tracelogid: '7f6a8b9c-0d1e-4f2a-9b4c-00000000ee01',
    text: HOSTILE_ALERT,
    level: 2,
    createdon: new Date(Date.now() - 3_600_000).toISOString(),
    modifiedon: new Date(Date.now() - 3_600_000).toISOString(),
    _regardingobjectid_value: MEGAN,
    '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'mailbox',
  });
});
const tmp = temporaryFolder('mailbox-health-html-');

checkNoSecretInAnyOutput();

describe('scan --format html', () => {
  it('is one self-contained file: no script, nothing loaded, a CSP that allows only its own stylesheet', async () => {
    const { code, stdout: html } = await run(['scan', '--url', evil.emulator.url, '--format', 'html']);
    expect(code).toBe(0);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<img|<base/i);
    expect(html).not.toMatch(/<[a-z]+[^<>]*\s(src|srcset|action|formaction|on\w+)=/i);
    // Every link is to Microsoft Learn; nothing is fetched when the file is opened.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith('https://learn.microsoft.com/'))).toBe(true);
    // The CSP allows nothing but the one stylesheet, named by its hash.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(styles).toHaveLength(1);
    expect(styles[0][1]).not.toMatch(/url\(|@import|@font-face/i);
    const hash = createHash('sha256').update(styles[0][1], 'utf8').digest('base64');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('keeps Dataverse text as text: markup, </script>, bidi overrides and control characters', async () => {
    const { stdout: html } = await run(['scan', '--url', evil.emulator.url, '--format', 'html']);
    expect(html).toContain(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; evil bell red',
    );
    expect(html).toContain('megan&quot;&lt;b&gt;@contoso.com');
    expect(html).toContain(
      '<td>&lt;/title&gt;&lt;style&gt;body{background:url(https://evil.example/x)}&lt;/style&gt;</td>',
    );
    expect(html).toContain('&lt;svg onload=alert(3)&gt;&lt;/svg&gt;&lt;/script&gt; isolated ErrorWeirdThing.');
    expect(html).not.toContain('</script>');
    expect(html).not.toContain('<svg onload');
    expect(html.split('</title>').length).toBe(html.split('<title').length);
    expect(html.split('</style>').length).toBe(2);
    expect(html).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/,
    );
  });

  it('charts failing and warning by check and by profile (SVG with a description and the numbers), and groups the mailboxes by cause, largest first, each fix once', async () => {
    const { stdout: html } = await run(['scan', '--url', evil.emulator.url, '--format', 'html']);
    const doc = JSON.parse(
      (await run(['scan', '--url', evil.emulator.url, '--format', 'json'])).stdout,
    ) as ScanDocument;
    for (const id of ['by-check', 'by-profile']) {
      expect(html).toContain(`<svg class="chart" viewBox=`);
      expect(html).toMatch(new RegExp(`role="img" aria-labelledby="${id}-title ${id}-desc"`));
      expect(html).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
    }
    const alerts = doc.byCheck.alerts;
    expect(html).toContain(`Alerts: ${alerts.fail} failing, ${alerts.warn} warning`);
    const groups = [
      ...html.matchAll(
        /<section class="group \w+" data-kind="(\w+)" data-check="([\w-]*)" data-count="(\d+)" data-failing="(\d+)" data-warning="(\d+)" data-unknown="(\d+)"[\s\S]*?<\/section>/g,
      ),
    ].map((g) => ({
      html: g[0],
      kind: g[1],
      check: g[2],
      size: Number(g[3]),
      verdicts: { failing: Number(g[4]), warning: Number(g[5]), unknown: Number(g[6]) },
    }));
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.reduce((sum, g) => sum + g.size, 0)).toBe(doc.mailboxes.length);
    for (const g of groups) {
      // Each group's rows are its mailboxes, in the verdicts it counts; its fix is stated once.
      expect(g.html.match(/<tr><td>/g)?.length).toBe(g.size);
      expect(g.verdicts.failing + g.verdicts.warning + g.verdicts.unknown).toBe(g.size);
      expect(g.html.split('<strong>Fix:</strong>').length).toBeLessThanOrEqual(2);
    }
    // The largest group first; equal sizes in the debugging order, causes before checks that could not run.
    const order = groups.map((g) => ({
      size: g.size,
      kind: g.kind === 'unknown' ? 1 : 0,
      check: CHECK_ORDER.indexOf(g.check as CheckId),
    }));
    expect(order).toEqual([...order].sort((a, b) => b.size - a.size || a.kind - b.kind || a.check - b.check));
    // Every failing or warning mailbox is in a group of its Start here check.
    for (const m of doc.mailboxes.filter((x) => x.overall !== 'unknown')) {
      const address = `<td>${(m.emailAddress ?? '').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</td>`;
      const group = groups.find((g) => g.kind === 'cause' && g.check === m.startHere && g.html.includes(address));
      expect({ mailbox: m.name, group: group !== undefined }).toEqual({ mailbox: m.name, group: true });
    }
  });

  it('with a folder of earlier scans: the trend over them, the newest as the baseline; a file there that is no scan is skipped', async () => {
    const base = JSON.parse(
      (await run(['scan', '--url', evil.emulator.url, '--format', 'json'])).stdout,
    ) as ScanDocument;
    const folder = path.join(tmp, 'scans');
    fs.mkdirSync(folder);
    const weeks = [
      { scannedAt: '2026-11-03T07:00:00.000Z', failing: 19, warning: 3 },
      { scannedAt: '2026-11-17T07:00:00.000Z', failing: 11, warning: 6 },
      { scannedAt: '2026-11-10T07:00:00.000Z', failing: 15, warning: 4 },
    ];
    for (const [i, week] of weeks.entries()) {
      const failing = base.mailboxes.filter((m) => m.overall === 'failing').slice(i);
      fs.writeFileSync(
        path.join(folder, `scan-${i}.json`),
        JSON.stringify({ ...base, ...week, total: 25, mailboxes: failing }),
      );
    }
    fs.writeFileSync(path.join(folder, 'this.json'), '');
    fs.writeFileSync(path.join(folder, 'notes.json'), '{"notes": []}');
    fs.writeFileSync(path.join(folder, 'readme.txt'), 'not json');

    const from = evil.emulator.requests.length;
    const html = await run(['scan', '--url', evil.emulator.url, '--format', 'html', '--previous', folder]);
    expect(html.code).toBe(0);
    expect(html.stderr).toContain(
      `Skipped an earlier scan: The previous scan ${path.join(folder, 'this.json')} could not be read (not JSON).`,
    );
    expect(html.stderr).toContain(
      `Skipped an earlier scan: The previous scan ${path.join(folder, 'notes.json')} is not the output of scan --format json.`,
    );
    const desc = /<desc id="trend-desc">([^<]+)<\/desc>/.exec(html.stdout)?.[1] ?? '';
    expect(desc.split('; ').map((point) => point.slice(0, 24))).toEqual([
      '2026-11-03T07:00:00.000Z',
      '2026-11-10T07:00:00.000Z',
      '2026-11-17T07:00:00.000Z',
      expect.stringMatching(/^20\d\d-/),
    ]);
    expect(desc).toContain('2026-11-17T07:00:00.000Z: 11 failing, 6 warning of 25');
    expect(html.stdout.match(/<polyline class="line (fail|warn)"/g)).toHaveLength(2);
    expect(html.stdout).toContain('Since 2026-11-17T07:00:00.000Z');
    expect(requestsSince(evil.emulator, from).length).toBeGreaterThan(0);

    // Repeated --previous: the newest by its own time is the baseline, whatever the order they are named in.
    const json = await run([
      'scan',
      '--url',
      evil.emulator.url,
      '--format',
      'json',
      '--previous',
      path.join(folder, 'scan-1.json'),
      '--previous',
      path.join(folder, 'scan-0.json'),
    ]);
    const doc = JSON.parse(json.stdout) as ScanDocument;
    expect(doc.change?.since).toBe('2026-11-17T07:00:00.000Z');
    expect(doc.change?.failing).toBe(doc.failing - 11);
    // A folder with no earlier scan: said on stderr, and the scan goes on without a change.
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    const none = await run(['scan', '--url', evil.emulator.url, '--format', 'json', '--previous', empty]);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain(`No earlier scan (the output of scan --format json) in ${empty}`);
    expect((JSON.parse(none.stdout) as ScanDocument).change).toBeUndefined();
  });

  it('--report-url: the Teams card and the Slack message link to the report; it needs --post and https', async () => {
    const receiver = await startReceiver();
    const report = 'https://contoso.sharepoint.com/sites/it/Shared%20Documents/mailbox-health/2026-12-01.html';
    try {
      const postLinkingReport = async (path: string, format: string, reportUrl: string) =>
        (
          await run([
            'scan',
            '--url',
            evil.emulator.url,
            '--post',
            `${receiver.url}${path}`,
            '--webhook-format',
            format,
            '--report-url',
            reportUrl,
          ])
        ).code;
      expect(await postLinkingReport('/t', 'teams', report)).toBe(0);
      expect(await postLinkingReport('/s', 'slack', `${report}?a=<b>|c`)).toBe(0);
    } finally {
      await receiver.close();
    }
    const card = receiver.posts[0].body as {
      attachments: { content: { actions?: unknown[]; body: { text?: string }[] } }[];
    };
    expect(card.attachments[0].content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the report', url: report },
    ]);
    const texts = card.attachments[0].content.body.map((block) => block.text ?? '');
    expect(texts).toContain('Where to start \\(failing mailboxes by cause, largest first\\)');
    const slack = receiver.posts[1].body as { blocks: { text?: { text: string } }[] };
    expect(slack.blocks[0].text?.text).toContain(`<${report}?a=%3Cb%3E%7Cc|Open the report>`);

    for (const [extra, message] of [
      [['--report-url', report], '--report-url needs --post or --post-env'],
      [
        ['--post', 'https://hooks.slack.com/x', '--report-url', 'http://intranet/report.html'],
        '--report-url must be an https URL',
      ],
      [['--post', 'https://hooks.slack.com/x', '--report-url', 'not a url'], '--report-url must be an https URL'],
    ] as const) {
      const result = await run(['scan', '--url', evil.emulator.url, ...extra]);
      expect({ code: result.code, stderr: result.stderr }).toEqual({
        code: 1,
        stderr: expect.stringContaining(message),
      });
    }
  });
});
