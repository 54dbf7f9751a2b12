/**
 * --previous: earlier scans (--format json files, or folders of them), read as streams — an earlier scan may list
 * 100,000 mailboxes. A first pass reads every file's time and counts (the HTML report's trend) and skips the mailboxes;
 * the newest earlier scan is the baseline of `change`, and a second pass over it keeps only the keys of the mailboxes
 * that failed then. At the end, the JSON output reads it once more for the mailboxes that fail no longer.
 *
 * A file named on the command line that cannot be read, or is not a scan's JSON, is an error before the first request
 * (as it always was); in a folder, such a file (say, the scan being written there now, still empty) is skipped with a
 * note on stderr.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, UsageError } from '../errors';
import { ChangeTracker, previousCounts, previousFailing, type MailboxRef, type PreviousCounts } from '../scan-report';
import type { TrendPoint } from '../scan-html';
import { t } from '../text';
import { JsonMembersReader, JsonStreamError } from './json-members';

/** The earlier scans the trend shows at most: a year of weekly scans. */
export const TREND_SCANS = 52;

const COUNT_MEMBERS = new Set(['scannedAt', 'total', 'healthy', 'warning', 'failing', 'unknown']);

export interface EarlierScan {
  file: string;
  /** As the user named it (a file, or a folder's file): what messages show. */
  shownAs: string;
  counts: PreviousCounts;
}

/** Read as a stream: the mailboxes one by one, then (in `members`) the top-level counts. Throws UsageError. */
async function* mailboxesOf(
  scan: { file: string; shownAs: string },
  members: Record<string, unknown> = {},
): AsyncGenerator<unknown> {
  let ready: unknown[] = [];
  const reader = new JsonMembersReader({
    wanted: COUNT_MEMBERS,
    itemsOf: 'mailboxes',
    member: (key, value) => (members[key] = value),
    item: (value) => ready.push(value),
  });
  try {
    for await (const chunk of fs.createReadStream(scan.file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
      reader.feed(chunk as string);
      const items = ready;
      ready = [];
      yield* items;
    }
    reader.end();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = error instanceof JsonStreamError || typeof code !== 'string' ? t('cli.usage.notJson') : code;
    throw new UsageError('cli.usage.previousUnreadable', { file: scan.shownAs, reason });
  }
  yield* ready;
  if (!reader.sawItems) throw new UsageError('cli.usage.previousShape', { file: scan.shownAs });
}

async function readCounts(file: string, shownAs: string): Promise<EarlierScan> {
  const members: Record<string, unknown> = {};
  for await (const _mailbox of mailboxesOf({ file, shownAs }, members)) {
    // The first pass only counts; the mailboxes are read again from the baseline alone.
  }
  return { file, shownAs, counts: previousCounts(members) };
}

/** The files --previous names: each file as is, each folder's *.json files (not its subfolders). */
async function earlierScans(entries: string[], cwd: string, warn: (line: string) => void): Promise<EarlierScan[]> {
  const scans: EarlierScan[] = [];
  for (const entry of entries) {
    const resolved = path.resolve(cwd, entry);
    if (!fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
      scans.push(await readCounts(resolved, entry));
      continue;
    }
    const names = fs
      .readdirSync(resolved)
      .filter((name) => name.toLowerCase().endsWith('.json'))
      .sort();
    let found = 0;
    for (const name of names) {
      const file = path.join(resolved, name);
      if (!fs.statSync(file).isFile()) continue;
      try {
        scans.push(await readCounts(file, path.join(entry, name)));
        found++;
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        warn(t('cli.scan.previousSkipped', { reason: describeError(error) }));
      }
    }
    if (found === 0) warn(t('cli.scan.previousNone', { folder: entry }));
  }
  return scans;
}

export interface PreviousScans {
  /** The newest earlier scan: `change` is measured against it. */
  baseline: EarlierScan;
  tracker: ChangeTracker;
  /** The earlier scans with a time, oldest first, at most TREND_SCANS. */
  trend: TrendPoint[];
  /** After the scan: the baseline's failing mailboxes that fail no longer, read again as a stream. */
  noLongerFailing(): AsyncGenerator<MailboxRef>;
}

/** Reads the earlier scans --previous names (before the first request); null when none was found. */
export async function loadPreviousScans(
  entries: string[],
  cwd: string,
  warn: (line: string) => void,
): Promise<PreviousScans | null> {
  const scans = await earlierScans(entries, cwd, warn);
  if (scans.length === 0) return null;
  // Newest by its own time (ISO times sort as text); a file without one counts as oldest; on a tie, the later named.
  const baseline = scans.reduce((newest, scan) =>
    (scan.counts.scannedAt ?? '') >= (newest.counts.scannedAt ?? '') ? scan : newest,
  );
  const failedBefore = new Set<string>();
  for await (const item of mailboxesOf(baseline)) {
    const m = previousFailing(item);
    if (m) failedBefore.add(ChangeTracker.key(m));
  }
  const tracker = new ChangeTracker(baseline.counts, failedBefore);
  const trend = scans
    .filter((scan) => scan.counts.scannedAt !== null)
    .map((scan) => ({
      scannedAt: scan.counts.scannedAt!,
      total: scan.counts.total,
      failing: scan.counts.failing,
      warning: scan.counts.warning,
    }))
    .sort((a, b) => (a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : 0))
    .slice(-TREND_SCANS);
  return {
    baseline,
    tracker,
    trend,
    async *noLongerFailing() {
      for await (const item of mailboxesOf(baseline)) {
        const m = previousFailing(item);
        if (m && tracker.noLongerFailing(m)) yield m;
      }
    },
  };
}
