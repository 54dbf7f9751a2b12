/**
 * The day everything breaks, at CI size: a generated environment of 20,000 mailboxes that all fail with the same alert
 * (sandbox/generated-fleet.ts), scanned in every format. Each output is read back and must give the same counts: the
 * JSON document, the CSV rows, the table's and the markdown's rows after their summary, the HTML report's totals, its
 * one cause group and that group's rows. --previous reads the 20,000-mailbox JSON back as a stream, and a post carries
 * the summary and the largest cause, never the list. (Memory is measured by npm run bench, not here.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanDocument } from '../../cli/scan-report';
import { generateFleet } from '../../sandbox/generated-fleet';
import { useEmulator } from '../support/emulator';
import { checkNoSecretInAnyOutput, run, startReceiver, temporaryFolder } from './helpers';

const FLEET = 20_000;
const SHOWN = FLEET.toLocaleString('en-US');
const running = useEmulator(() => ({ data: generateFleet(FLEET, 'all-failing'), requireToken: true }));
const tmp = temporaryFolder('mailbox-health-all-failing-');
let json: string;

checkNoSecretInAnyOutput();

const scan = async (format: string, extra: string[] = []) => {
  const result = await run(['scan', '--url', running.emulator.url, '--format', format, ...extra]);
  // (stderr may note a retried request: the emulator shares this busy process.)
  expect({ format, code: result.code, stderr: result.stderr }).toEqual({
    format,
    code: 0,
    stderr: expect.not.stringMatching(/could not (be scanned|check)|failed/i),
  });
  return result.stdout;
};

describe(`a fleet of ${SHOWN} mailboxes all failing with the same alert`, () => {
  it('JSON: one document listing every mailbox, the counts after them', async () => {
    json = await scan('json');
    const doc = JSON.parse(json) as ScanDocument;
    expect({
      total: doc.total,
      failing: doc.failing,
      warning: doc.warning,
      healthy: doc.healthy,
      unknown: doc.unknown,
    }).toEqual({ total: FLEET, failing: FLEET, warning: 0, healthy: 0, unknown: 0 });
    expect(doc.mailboxes).toHaveLength(FLEET);
    expect(new Set(doc.mailboxes.map((m) => m.id)).size).toBe(FLEET);
    expect(doc.mailboxes.every((m) => m.overall === 'failing' && m.startHere === 'alerts')).toBe(true);
    expect(doc.byCheck.alerts.fail).toBe(FLEET);
    expect(Object.keys(doc).indexOf('mailboxes')).toBeLessThan(Object.keys(doc).indexOf('total'));
    // One mailbox per line of the array.
    expect(json.split('\n').filter((line) => line.startsWith('    {"id":'))).toHaveLength(FLEET);
  }, 60_000);

  it('CSV: a row per mailbox', async () => {
    const lines = (await scan('csv')).trimEnd().split('\r\n');
    expect(lines).toHaveLength(FLEET + 1);
    expect(lines.slice(1).every((line) => line.split(',')[4] === 'failing')).toBe(true);
  }, 60_000);

  it('table: the summary and the checks first, then a row per mailbox', async () => {
    const table = await scan('table');
    const rowsAt = table.indexOf(`Not healthy: ${SHOWN}`);
    expect(rowsAt).toBeGreaterThan(0);
    expect(table.slice(0, rowsAt)).toMatch(
      new RegExp(`${running.emulator.url.replace(/[.]/g, '\\.')}\\s+${SHOWN}\\s+0\\s+0\\s+${SHOWN}\\s+0`),
    );
    expect(table.slice(0, rowsAt)).toMatch(new RegExp(`Alerts\\s+${SHOWN}\\s+0\\s+0`));
    const rows = table
      .slice(rowsAt)
      .split('\n')
      .filter((line) => line.startsWith('Failing '));
    expect(rows).toHaveLength(FLEET);
    // Columns padded to the widest cell of all 20,000 rows, which were spooled before the widths were known.
    expect(new Set(rows.map((row) => row.indexOf('Alerts'))).size).toBe(1);
  }, 60_000);

  it('markdown: the summary first, then a row per mailbox', async () => {
    const markdown = await scan('markdown');
    expect(markdown).toContain(`| ${running.emulator.url} | ${SHOWN} | 0 | 0 | ${SHOWN} | 0 |`);
    expect(markdown.indexOf(`## Not healthy: ${SHOWN}`)).toBeLessThan(markdown.indexOf('\n| Failing | '));
    expect(markdown.split('\n').filter((line) => line.startsWith('| Failing |'))).toHaveLength(FLEET);
  }, 60_000);

  it('HTML: the totals and charts, then one cause group with its fix once and every mailbox; the post carries the summary and the cause', async () => {
    const receiver = await startReceiver();
    let html: string;
    try {
      html = await scan('html', ['--post', `${receiver.url}/hook`, '--webhook-format', 'slack']);
    } finally {
      await receiver.close();
    }
    const count = (name: string) => new RegExp(`<dd data-count="${name}">([\\d,]+)</dd>`).exec(html)?.[1];
    expect({
      total: count('total'),
      failing: count('failing'),
      warning: count('warning'),
      healthy: count('healthy'),
    }).toEqual({ total: SHOWN, failing: SHOWN, warning: '0', healthy: '0' });
    expect(html).toContain(`Alerts: ${SHOWN} failing, 0 warning`);
    const groups = html.split('<section class="group').slice(1);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatch(
      new RegExp(
        `^ failing" data-kind="cause" data-check="alerts" data-count="${FLEET}" data-failing="${FLEET}" data-warning="0" data-unknown="0"`,
      ),
    );
    expect(groups[0].split('<strong>Fix:</strong>')).toHaveLength(2);
    expect(groups[0].match(/<tr><td>/g)).toHaveLength(FLEET);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);

    const post = JSON.stringify(receiver.posts[0].body);
    expect(post.length).toBeLessThan(4000);
    expect(post).toContain(`Alerts: ${SHOWN} failing`);
    expect(post).not.toContain('user1@contoso.com');
  }, 60_000);

  it('--previous reads the earlier 20,000-mailbox scan as a stream: the change, and the mailboxes newly failing', async () => {
    // The earlier scan: the first 5,000 mailboxes were healthy then (not listed), the rest failing already.
    const earlier = JSON.parse(json) as ScanDocument;
    const wasHealthy = new Set(earlier.mailboxes.slice(0, 5000).map((m) => m.id));
    const file = path.join(tmp, 'earlier.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...earlier,
        scannedAt: '2026-11-24T07:00:00.000Z',
        failing: FLEET - 5000,
        healthy: 5000,
        mailboxes: earlier.mailboxes.slice(5000),
      }),
    );
    const doc = JSON.parse(await scan('json', ['--previous', file])) as ScanDocument;
    expect(doc.change).toMatchObject({
      since: '2026-11-24T07:00:00.000Z',
      failing: 5000,
      healthy: -5000,
      total: 0,
      noLongerFailing: [],
    });
    expect(doc.change!.newlyFailing).toHaveLength(5000);
    expect(doc.change!.newlyFailing.every((m) => wasHealthy.has(m.id))).toBe(true);
  }, 60_000);
});
