/**
 * The fleet scan: a verdict for every mailbox of an environment by exactly the rules of a single diagnosis, read in
 * bulk. What the checks need beyond the mailbox and its owner is read once for the whole environment — the
 * organization, every email server profile, the week's Warning/Error alerts about profiles, whether an active forward
 * mailbox exists, the failed items per owner (one FetchXML aggregate) and the scan's size (one aggregate). Then two
 * streams of FetchXML pages of 5,000 rows, continued by paging cookie, each row with its owner's columns joined (user,
 * user settings or queue: link-entity): first the week's alerts about mailboxes, each with its mailbox joined (a
 * mailbox with alerts is evaluated once its alerts have all arrived), then the mailboxes without such an alert. So the
 * week's alerts cost no pages of their own however many mailboxes fail, and each row becomes a DiagnosisInput for
 * `evaluate()`. Never one request per mailbox, and nothing read grows with the number of users; only one page (and the
 * next one, prefetched) is held at a time, so memory stays flat with the fleet's size (the ids of the mailboxes with
 * alerts are kept, so that none is evaluated twice). The profiles' active and overdue mailboxes are counted from the
 * streams themselves, and an overdue profile is reported once at the end (`findings()`).
 *
 * A table that cannot be read does not stop the scan: every verdict carries the same `error` checks a single diagnosis
 * would show (the same Loaded failures), and `unreadable` lists the tables. Dataverse refuses a whole query that joins
 * a table the caller may not read; the scan then asks again without that join, and only the checks that need the table
 * are `error` (user settings are then read on their own, as a single diagnosis reads them without the user).
 */
import { evaluate } from '../diagnose';
import { DataverseError } from '../errors';
import { profileOverdueFinding } from '../findings';
import { loaded } from '../input';
import { fetchXmlPageOptions, normalizeGuid, type DataverseRecord, type WebApiPort } from '../port';
import {
  ALERT_LIMIT,
  fleetAlertFetch,
  fleetMailboxFetch,
  isActiveServerSideSync,
  isForwardMailbox,
  isOverdue,
  type FleetScope,
  type OwnerTable,
} from '../queries';
import { readString } from '../records';
import type { Caller, DiagnosisReport, Finding, Loaded, ReadFailure } from '../model';
import { retryingPort, type RetryOptions } from '../retry';
import { loadContext } from './context';
import { firstPage, pagePipeline, pageRows, type FleetStream, type PageNode } from './pages';
import {
  alertRow,
  alertRunKey,
  idOf,
  inputFor,
  mailboxIdOfAlertRow,
  mailboxOfAlertRow,
  type FleetContext,
  type OwnerSources,
} from './rows';

/** Dataverse's default and maximum page size. */
export const FLEET_PAGE_SIZE = 5000;

export interface FleetScanOptions extends RetryOptions {
  now?: Date;
  /** The environment's base URL, recorded in every report. */
  environment?: string | null;
  /** Every mailbox, active or not, on server-side sync or not. */
  all?: boolean;
  /** Only the mailboxes on this email server profile: an id, or a name (case-insensitive). */
  profile?: string;
  /** Mailboxes per page (the FetchXML count); default and maximum 5,000. */
  pageSize?: number;
  /** Who runs the scan, when the host knows (item-level failures are visible to the owner and administrators). */
  caller?: Caller;
  /** After each page of mailboxes has been evaluated and let go (a host may collect garbage here). */
  onPage?: (progress: { scanned: number; pages: number; more: boolean }) => void;
}

/** --profile named no profile, or several. */
export class FleetProfileError extends Error {
  constructor(
    readonly profile: string,
    readonly matches: string[],
  ) {
    super(
      matches.length === 0
        ? `No email server profile matches '${profile}'.`
        : `Several email server profiles match '${profile}': ${matches.join(', ')}.`,
    );
    this.name = 'FleetProfileError';
  }
}

export interface FleetScan {
  /** Tables that could not be read: the checks that need them are `error` in every verdict. */
  unreadable: ReadFailure[];
  /** The mailboxes the scan will evaluate, counted by one aggregate before it runs (null when unknown: above 50,000 the aggregate is refused). */
  estimatedTotal: number | null;
  /** The profile the scan is limited to, resolved to its id. */
  profileId: string | null;
  /** One report per mailbox, page by page. Iterate once. */
  verdicts: AsyncIterable<DiagnosisReport>;
  /**
   * Findings the scan makes from its whole stream, once `verdicts` has been iterated to its end (none before): a
   * profile whose active server-side sync mailboxes are overdue. Hand them to FleetTally.addFindings.
   */
  findings(): Finding[];
}

function resolveProfile(profile: string, profiles: Loaded<Map<string, DataverseRecord>>): string {
  const trimmed = profile.trim();
  const id = normalizeGuid(trimmed);
  if (id !== null) return id;
  if (!profiles.ok)
    throw new DataverseError(
      profiles.failure.detail,
      profiles.failure.code,
      profiles.failure.status ?? (profiles.failure.kind === 'privilege' ? 403 : undefined),
      undefined,
    );
  const wanted = trimmed.toLowerCase();
  const matches = [...profiles.value.entries()]
    .filter(([, row]) => (readString(row, 'name') ?? '').trim().toLowerCase() === wanted)
    .map(([id]) => id);
  if (matches.length !== 1) throw new FleetProfileError(profile, matches);
  return matches[0];
}

function failures(context: FleetContext, sources: OwnerSources): ReadFailure[] {
  const parts: Loaded<unknown>[] = [
    context.organization,
    context.profiles,
    context.profileAlerts,
    context.forwardMailbox,
    context.items,
    ...(sources.settings ? [sources.settings] : []),
  ];
  const all = [...parts.flatMap((part) => (part.ok ? [] : [part.failure])), ...sources.refused.values()];
  const seen = new Set<string>();
  return all.filter((failure) => !seen.has(failure.table) && seen.add(failure.table));
}

/** Per profile: active server-side sync mailboxes and how many of them are overdue, counted as the stream passes. */
class ProfileLoad {
  private readonly byProfile = new Map<string, { total: number; overdue: number }>();

  count(mailbox: DataverseRecord, now: Date): void {
    const profileId = idOf(mailbox, '_emailserverprofile_value');
    if (profileId === null || !isActiveServerSideSync(mailbox)) return;
    const load = this.byProfile.get(profileId) ?? { total: 0, overdue: 0 };
    load.total++;
    if (isOverdue(mailbox, now)) load.overdue++;
    this.byProfile.set(profileId, load);
  }

  findings(profiles: Loaded<Map<string, DataverseRecord>>): Finding[] {
    if (!profiles.ok) return [];
    return [...this.byProfile].flatMap(([profileId, load]) => {
      const profile = profiles.value.get(profileId);
      const finding = profile ? profileOverdueFinding(profileId, profile, load.total, load.overdue) : null;
      return finding ? [finding] : [];
    });
  }
}

/**
 * Reads what the whole environment shares and the first page, then returns the scan; the following pages are read as
 * `verdicts` is iterated (the next one already in flight). A mailbox or alert page that cannot be read rejects the
 * iteration: there is nothing (more) to scan.
 */
export async function startFleetScan(port: WebApiPort, options: FleetScanOptions = {}): Promise<FleetScan> {
  const api = retryingPort(port, options);
  const now = options.now ?? new Date();
  const pageSize = Math.max(1, Math.min(options.pageSize ?? FLEET_PAGE_SIZE, FLEET_PAGE_SIZE));
  const environment = options.environment ?? null;
  const all = options.all === true;
  const profileById = options.profile === undefined ? null : normalizeGuid(options.profile.trim());
  const sources: OwnerSources = {
    joins: new Set<OwnerTable>(['systemuser', 'usersettings', 'queue']),
    refused: new Map(),
  };
  const pagesOf = (stream: FleetStream) =>
    pagePipeline(firstPage(api, stream, sources, pageSize), (paging) =>
      api.retrieveMultipleRecords(stream.table, fetchXmlPageOptions(stream.fetch(sources.joins), pageSize, paging)),
    );
  const alertStream = (scope: FleetScope): FleetStream => ({
    table: 'tracelog',
    fetch: (joins) => fleetAlertFetch(scope, joins, now),
  });
  // Without the alerts (tracelog unreadable), every mailbox comes from the mailbox stream and its alert check fails
  // to read, as a single diagnosis's would.
  const mailboxStream = (scope: FleetScope, withAlerts: boolean): FleetStream => ({
    table: 'mailbox',
    fetch: (joins) => fleetMailboxFetch(scope, joins, withAlerts ? now : undefined),
  });
  // The shared tables and — unless a profile name must be resolved first — the first alert page, together.
  const loading = loadContext(api, now, pageSize, options);
  let alertPages =
    profileById !== null || options.profile === undefined
      ? pagesOf(alertStream({ all, profileId: profileById }))
      : undefined;
  const context = await loading;
  const profileId = options.profile === undefined ? null : resolveProfile(options.profile, context.profiles);
  const scope: FleetScope = { all, profileId };
  const withAlerts = context.profileAlerts.ok;
  if (!withAlerts) alertPages = undefined;
  else alertPages ??= pagesOf(alertStream(scope));
  // Which joins Dataverse refused is known once the first page is in; a page that cannot be read rejects `verdicts`.
  let mailboxPages: Promise<PageNode> | undefined;
  if (alertPages) await alertPages.catch(() => undefined);
  else {
    mailboxPages = pagesOf(mailboxStream(scope, false));
    await mailboxPages.catch(() => undefined);
  }

  let estimatedTotal: number | null = null;
  if (context.sizes.ok)
    estimatedTotal =
      profileId === null
        ? [...context.sizes.value.values()].reduce((sum, n) => sum + n, 0)
        : (context.sizes.value.get(profileId) ?? 0);

  const load = new ProfileLoad();
  let ended = false;
  let scanned = 0;
  let pageCount = 0;
  const onPage = (more: boolean) => {
    pageCount++;
    options.onPage?.({ scanned, pages: pageCount, more });
  };
  function* evaluateMailbox(row: DataverseRecord, alerts: Loaded<DataverseRecord[]>): Generator<DiagnosisReport> {
    load.count(row, now);
    // Forward mailboxes count towards their profile's load, but are no mailbox to diagnose (unless --all).
    if (!all && isForwardMailbox(row)) return;
    scanned++;
    yield evaluate(inputFor(row, alerts, context, sources, now, options.caller), environment);
  }

  async function* verdicts(): AsyncGenerator<DiagnosisReport> {
    // The mailboxes with alerts, evaluated when their run of rows ends; their ids keep the mailbox stream (and a
    // mailbox whose alerts Dataverse did not sort together) from evaluating one twice.
    const withAlertsDone = new Set<string>();
    if (alertPages) {
      let run: string | null = null;
      let pending = new Map<string, { mailbox: DataverseRecord; alerts: DataverseRecord[] }>();
      const flush = function* (): Generator<DiagnosisReport> {
        const ready = pending;
        pending = new Map();
        for (const [id, entry] of ready) {
          withAlertsDone.add(id);
          yield* evaluateMailbox(entry.mailbox, loaded(entry.alerts));
        }
      };
      for await (const row of pageRows(alertPages, () => onPage(true))) {
        const key = alertRunKey(row);
        if (key !== run) {
          yield* flush();
          run = key;
        }
        // The mailbox's row is built once, from its first alert; later alerts of a mailbox add only themselves.
        const id = mailboxIdOfAlertRow(row);
        if (id === null || withAlertsDone.has(id)) continue;
        const entry = pending.get(id);
        if (!entry) pending.set(id, { mailbox: mailboxOfAlertRow(row), alerts: [alertRow(row)] });
        else if (entry.alerts.length < ALERT_LIMIT) entry.alerts.push(alertRow(row));
      }
      yield* flush();
      mailboxPages = pagesOf(mailboxStream(scope, true));
    }
    const noAlerts = loaded<DataverseRecord[]>([]);
    const alertsOf = withAlerts ? noAlerts : (context.profileAlerts as Loaded<never>);
    for await (const row of pageRows(mailboxPages!, onPage)) {
      const id = idOf(row, 'mailboxid');
      if (id !== null && withAlertsDone.has(id)) continue;
      yield* evaluateMailbox(row, alertsOf);
    }
    ended = true;
  }

  return {
    unreadable: failures(context, sources),
    estimatedTotal,
    profileId,
    verdicts: verdicts(),
    findings: () => (ended ? load.findings(context.profiles) : []),
  };
}
