/**
 * The scan's output, written while the scan runs, so memory does not grow with the number of mailboxes listed:
 * - json and csv go straight to stdout, each mailbox as it is evaluated (the JSON document puts what is known only at
 *   the end — the counts, findings, unrecognised alerts, SLO and change — after its `mailboxes` array);
 * - table, markdown and html show the summary first, which needs the whole scan: their rows wait in a spool on disk
 *   (one list per verdict, or per cause group for html) and are appended after the summary, in order. The html report
 *   reads its rows back once, grouped: the charts' counts come from the tallies, never from a second scan.
 * The pieces themselves (cli/scan-report.ts, cli/scan-html.ts) hold no I/O.
 */
import { createHash } from 'node:crypto';
import type { FleetMailboxSummary } from '../../diagnostics';
import type { Output } from '../io';
import {
  CSV_HEADER,
  csvRow,
  JSON_CHANGE_BETWEEN,
  JSON_CHANGE_END,
  JSON_END,
  jsonArrayEnd,
  jsonChangeHead,
  jsonHead,
  jsonItem,
  jsonSummaryMembers,
  listedCount,
  LISTED_VERDICTS,
  markdownRow,
  markdownSummary,
  markdownTail,
  ref,
  tableHeader,
  tableLayout,
  tableRow,
  tableSummary,
  tableTail,
  type MailboxRef,
  type ScanSummary,
} from '../scan-report';
import { HTML_GROUP_END, HTML_STYLE, htmlGroupStart, htmlHead, htmlRow, htmlTail, type TrendPoint } from '../scan-html';
import type { CauseCounts, FleetGroups } from '../scan-groups';
import { Spool } from './spool';

export type ScanFormat = 'table' | 'json' | 'csv' | 'markdown' | 'html';

export interface ScanOutputOptions {
  out: Output;
  scannedAt: string;
  /** Several environments: rows name theirs. */
  multi: boolean;
  /** With --previous: the earlier failing mailboxes that fail no longer, read again from the earlier scan at the end. */
  noLongerFailing?: () => AsyncIterable<MailboxRef>;
  /** With --previous: the earlier scans, oldest first (the html report draws the trend). */
  trend?: TrendPoint[];
}

export interface ScanEnd {
  summary: ScanSummary;
  groups: FleetGroups;
}

/** Text gathered into chunks of about 64 KB before it is written (one write per mailbox would be slow). */
const CHUNK_CHARS = 64 * 1024;

export abstract class ScanWriter {
  protected readonly spool = new Spool();
  private chunk: string[] = [];
  private chunkChars = 0;

  constructor(protected readonly options: ScanOutputOptions) {}

  protected write(text: string): void {
    this.chunk.push(text);
    this.chunkChars += text.length;
    if (this.chunkChars >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.chunk.length === 0) return;
    this.options.out.write(this.chunk.join(''));
    this.chunk = [];
    this.chunkChars = 0;
  }

  /** Writes what is gathered and waits while stdout is full (the scan calls this between batches of mailboxes). */
  async drained(): Promise<void> {
    this.flush();
    await this.options.out.drained();
  }

  /** A mailbox that is not healthy, as it is evaluated. */
  abstract mailbox(m: FleetMailboxSummary, group: CauseCounts, newlyFailing: boolean): void;

  /** Everything that needed the whole scan; then the output is complete. */
  async finish(end: ScanEnd): Promise<void> {
    await this.end(end);
    await this.drained();
  }

  protected abstract end(end: ScanEnd): Promise<void>;

  /** Deletes the spool (also after a failure). */
  dispose(): void {
    this.spool.dispose();
  }

  /** Writes every value of a spooled list through `render`, waiting for stdout now and then. */
  protected async replay<T>(key: string, render: (value: T, index: number) => string): Promise<number> {
    let count = 0;
    for await (const value of this.spool.read<T>(key)) {
      this.write(render(value, count++));
      if (count % 5000 === 0) await this.drained();
    }
    return count;
  }
}

class JsonWriter extends ScanWriter {
  private listed = 0;

  constructor(options: ScanOutputOptions) {
    super(options);
    this.write(jsonHead(options.scannedAt));
  }

  mailbox(m: FleetMailboxSummary, _group: CauseCounts, newlyFailing: boolean): void {
    this.write(jsonItem(m, this.listed++));
    if (newlyFailing) this.spool.append('newly-failing', ref(m));
  }

  protected async end({ summary }: ScanEnd): Promise<void> {
    this.write(jsonArrayEnd(this.listed));
    this.write(jsonSummaryMembers(summary));
    if (summary.change) {
      this.write(jsonChangeHead(summary.change));
      const newly = await this.replay<MailboxRef>('newly-failing', (m, i) => jsonItem(m, i, 2));
      this.write(jsonArrayEnd(newly, 2));
      this.write(JSON_CHANGE_BETWEEN);
      let noLonger = 0;
      for await (const m of this.options.noLongerFailing?.() ?? []) {
        this.write(jsonItem(ref(m), noLonger++, 2));
        if (noLonger % 5000 === 0) await this.drained();
      }
      this.write(jsonArrayEnd(noLonger, 2));
      this.write(JSON_CHANGE_END);
    }
    this.write(JSON_END);
  }
}

class CsvWriter extends ScanWriter {
  constructor(options: ScanOutputOptions) {
    super(options);
    this.write(CSV_HEADER);
  }

  mailbox(m: FleetMailboxSummary): void {
    this.write(csvRow(m));
  }

  protected async end(): Promise<void> {}
}

class TableWriter extends ScanWriter {
  private readonly layout = tableLayout(this.options.multi);

  mailbox(m: FleetMailboxSummary): void {
    const cells = tableRow(m, this.options.multi);
    this.layout.observe(cells);
    this.spool.append(m.overall, cells);
  }

  protected async end({ summary }: ScanEnd): Promise<void> {
    this.write(`${tableSummary(summary).join('\n')}\n`);
    if (listedCount(summary) > 0) {
      this.write(`${this.layout.line(tableHeader(this.options.multi))}\n${this.layout.rule()}\n`);
      for (const verdict of LISTED_VERDICTS)
        await this.replay<string[]>(verdict, (cells) => `${this.layout.line(cells)}\n`);
    }
    for (const line of tableTail(summary)) this.write(`${line}\n`);
  }
}

class MarkdownWriter extends ScanWriter {
  mailbox(m: FleetMailboxSummary): void {
    this.spool.append(m.overall, markdownRow(m));
  }

  protected async end({ summary }: ScanEnd): Promise<void> {
    this.write(`${markdownSummary(summary).join('\n')}\n`);
    for (const verdict of LISTED_VERDICTS) await this.replay<string>(verdict, (row) => `${row}\n`);
    for (const line of markdownTail(summary)) this.write(`${line}\n`);
  }
}

/** The CSP names the report's one stylesheet by its hash. */
const STYLE_SOURCE = `sha256-${createHash('sha256').update(HTML_STYLE, 'utf8').digest('base64')}`;

class HtmlWriter extends ScanWriter {
  mailbox(m: FleetMailboxSummary, group: CauseCounts): void {
    this.spool.append(group.key, htmlRow(m, this.options.multi));
  }

  protected async end({ summary, groups }: ScanEnd): Promise<void> {
    const ordered = groups.ordered();
    const now: TrendPoint = {
      scannedAt: summary.scannedAt,
      total: summary.total,
      failing: summary.failing,
      warning: summary.warning,
    };
    const trend = this.options.trend && this.options.trend.length > 0 ? [...this.options.trend, now] : [];
    this.write(htmlHead({ summary, groups: ordered, profiles: groups.profiles(), trend, styleSource: STYLE_SOURCE }));
    for (const [index, group] of ordered.entries()) {
      this.write(htmlGroupStart(group, index, this.options.multi));
      await this.replay<string>(group.key, (row) => row);
      this.write(HTML_GROUP_END);
    }
    this.write(htmlTail(summary));
  }
}

export function createScanWriter(format: ScanFormat, options: ScanOutputOptions): ScanWriter {
  switch (format) {
    case 'json':
      return new JsonWriter(options);
    case 'csv':
      return new CsvWriter(options);
    case 'markdown':
      return new MarkdownWriter(options);
    case 'html':
      return new HtmlWriter(options);
    case 'table':
      return new TableWriter(options);
  }
}
