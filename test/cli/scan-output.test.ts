/**
 * The pieces that let a scan write while it runs: the streaming reader of earlier scans (any chunking, either key
 * order, errors), the spool that holds rows on disk until the summary is written, and the pure renderers a host with a
 * whole document uses — which must write exactly what the CLI streams for the same scan.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { changeSince, renderCsv, renderJson, type ScanDocument } from '../../cli/scan-report';
import { JsonMembersReader, JsonStreamError } from '../../cli/scan-output/json-members';
import { Spool } from '../../cli/scan-output/spool';
import { checkNoSecretInAnyOutput, run, temporaryFolder, useSandbox } from './helpers';

/** Feeds `text` in pieces of the given sizes (cycled), and returns what the reader handed over. */
function readMembers(text: string, sizes: number[], wanted = ['scannedAt', 'total', 'failing', 'nested']) {
  const members: Record<string, unknown> = {};
  const items: unknown[] = [];
  const reader = new JsonMembersReader({
    wanted: new Set(wanted),
    itemsOf: 'mailboxes',
    member: (key, value) => (members[key] = value),
    item: (value) => items.push(value),
  });
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length];
    reader.feed(text.slice(at, at + size));
    at += size;
  }
  reader.end();
  return { members, items, sawItems: reader.sawItems };
}

describe('reading an earlier scan as a stream', () => {
  const mailboxes = [
    { id: 'a', name: 'Dana "Q" \\ Whitfield \u2028 \u00e9\u{1F600}', overall: 'failing', failingChecks: ['alerts'] },
    { id: 'b', name: null, overall: 'warning', nested: { deep: [1, 2.5e3, -0.5, true, false, null, { x: '}' }] } },
  ];
  const document = {
    scannedAt: '2026-11-24T07:00:00.000Z',
    skipped: { big: ['a', { b: '[' }], s: 'x\\"y' },
    total: 12,
    mailboxes,
    failing: 2,
    nested: { a: [1, { b: 'c' }] },
    change: { newlyFailing: [{ id: 'z' }] },
  };

  it.each([
    ['whole', [1_000_000]],
    ['one character at a time', [1]],
    ['uneven pieces', [3, 1, 7, 2, 13]],
  ])('hands over the wanted members and each mailbox, whatever the chunking (%s)', (_name, sizes) => {
    for (const text of [JSON.stringify(document), JSON.stringify(document, null, 2)]) {
      const { members, items, sawItems } = readMembers(text, sizes);
      expect(members).toEqual({ scannedAt: document.scannedAt, total: 12, failing: 2, nested: document.nested });
      expect(items).toEqual(mailboxes);
      expect(sawItems).toBe(true);
    }
  });

  it('reads the counts after the mailboxes as well as before them (the order this scan writes)', () => {
    const { mailboxes: list, ...rest } = document;
    const text = JSON.stringify({
      scannedAt: rest.scannedAt,
      mailboxes: list,
      total: rest.total,
      failing: rest.failing,
    });
    expect(readMembers(text, [5])).toEqual({
      members: { scannedAt: rest.scannedAt, total: 12, failing: 2 },
      items: mailboxes,
      sawItems: true,
    });
    expect(readMembers('{"mailboxes": []}', [1])).toEqual({ members: {}, items: [], sawItems: true });
    expect(readMembers('{"mailboxes": {"a": 1}}', [4]).sawItems).toBe(false);
  });

  it.each([
    ['cut short', JSON.stringify(document).slice(0, 200)],
    ['cut inside a string', '{"scannedAt": "2026'],
    ['trailing text', `${JSON.stringify(document)} {}`],
    ['not an object', '[1, 2]'],
    ['a bare value', '42'],
    ['a trailing comma', '{"total": 1,}'],
    ['a missing colon', '{"total" 1}'],
    ['a bad literal', '{"total": tru}'],
    ['a bad escape in a kept string', '{"scannedAt": "\\x"}'],
    ['an empty file', ''],
  ])('throws JsonStreamError when the text is not one JSON object (%s)', (_name, text) => {
    expect(() => readMembers(text, [7])).toThrow(JsonStreamError);
  });
});

describe('the spool', () => {
  it('gives back each list in order, from files only this user reads, and leaves nothing behind', async () => {
    const spool = new Spool();
    const rows = Array.from({ length: 3000 }, (_, i) => ({ i, text: `row ${i} ${'x'.repeat(i % 50)} \n "quoted"` }));
    for (const row of rows) spool.append(row.i % 3 === 0 ? 'failing' : 'warning', row);
    const folder = spool.folder!;
    expect(path.dirname(folder)).toBe(os.tmpdir());
    expect(fs.statSync(folder).mode & 0o077).toBe(0);
    expect(fs.readdirSync(folder)).toHaveLength(2);
    for (const file of fs.readdirSync(folder)) expect(fs.statSync(path.join(folder, file)).mode & 0o077).toBe(0);
    const read = async (key: string) => {
      const values: unknown[] = [];
      for await (const value of spool.read(key)) values.push(value);
      return values;
    };
    expect(await read('failing')).toEqual(rows.filter((r) => r.i % 3 === 0));
    expect(await read('warning')).toEqual(rows.filter((r) => r.i % 3 !== 0));
    expect(await read('unknown')).toEqual([]);
    expect(() => spool.append('failing', {})).toThrow(/already being read/);
    spool.dispose();
    expect(fs.existsSync(folder)).toBe(false);
    expect(spool.folder).toBeNull();
  });
});

describe('a whole document rendered at once is what the scan streams', () => {
  const small = useSandbox({ small: true });
  const tmp = temporaryFolder('mailbox-health-render-');

  checkNoSecretInAnyOutput();

  it('renderJson and renderCsv give, byte for byte, the JSON and CSV the CLI streamed (with a change since an earlier scan)', async () => {
    const first = await run(['scan', '--url', small.emulator.url, '--format', 'json']);
    const earlier = JSON.parse(first.stdout) as ScanDocument;
    // The earlier scan had one more failing mailbox, and one of today's failing ones was fine.
    const [today, ...rest] = earlier.mailboxes.filter((m) => m.overall === 'failing');
    const gone = { ...today, id: '00000000-0000-4000-8000-0000000000aa', name: 'Gone since' };
    const previous = {
      ...earlier,
      mailboxes: [...rest, gone, ...earlier.mailboxes.filter((m) => m.overall !== 'failing')],
    };
    const file = path.join(tmp, 'earlier.json');
    fs.writeFileSync(file, JSON.stringify(previous));

    const streamed = await run([
      'scan',
      '--url',
      small.emulator.url,
      '--format',
      'json',
      '--previous',
      file,
      '--max-failing',
      '3',
    ]);
    const doc = JSON.parse(streamed.stdout) as ScanDocument;
    expect(doc.change?.newlyFailing.map((m) => m.id)).toEqual([today.id]);
    expect(doc.change?.noLongerFailing.map((m) => m.name)).toEqual(['Gone since']);
    expect(doc.change).toEqual(changeSince(previous, doc));
    expect(renderJson(doc)).toBe(streamed.stdout);

    const csv = await run(['scan', '--url', small.emulator.url, '--format', 'csv']);
    expect(renderCsv(doc)).toBe(csv.stdout);
  });
});
