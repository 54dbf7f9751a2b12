/**
 * The page's scan: the engine's fleet scan (startFleetScan, FleetTally) through the host's port, into the CLI's scan
 * document (cli/scan-report.ts builds it, so the JSON and CSV exports are the CLI's) and the page's view (groups by
 * cause, counts by profile). It only reads. Like the CLI, it never calls clean an environment it did not see: an answer
 * that was not Dataverse's, no organization record, or a mailbox table that cannot be read fails the scan.
 */
import {
  FleetTally,
  startFleetScan,
  toDataverseError,
  UnrecognisedAlertTally,
  type Caller,
  type RetryOptions,
  type WebApiPort,
} from '../../diagnostics';
import {
  addEnvironment,
  completeDocument,
  newScanDocument,
  unreadableEntry,
  unseenReason,
  unscannedEnvironment,
  type ScanDocument,
} from '../../cli/scan-report';
import { FleetView, type CauseGroup, type ProfileCounts } from './fleet-view';
import { fleetText } from './strings.en';

export interface FleetScanSource {
  port: WebApiPort;
  /** The environment's URL (the client URL), recorded in the document as the CLI records --url. */
  environment: string;
  caller?: Caller;
}

export interface FleetProgress {
  scanned: number;
  /** The active server-side sync mailboxes the profile aggregate counted (null: not known). */
  estimatedTotal: number | null;
}

export interface FleetResult {
  document: ScanDocument;
  groups: CauseGroup[];
  profiles: ProfileCounts[];
  /** Set when the environment could not be scanned; the document then carries it as the environment's error. */
  error?: string;
}

export interface ScanFleetOptions extends RetryOptions {
  now?: Date;
  onProgress?: (progress: FleetProgress) => void;
  /** Reports between progress updates (each update also lets the browser paint). */
  progressEvery?: number;
  /** Lets the host breathe between batches (the browser paints the progress bar); default: a macrotask. */
  pause?: () => Promise<void>;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function scanFleet(source: FleetScanSource, options: ScanFleetOptions = {}): Promise<FleetResult> {
  const now = options.now ?? new Date();
  const every = options.progressEvery ?? 500;
  const pause = options.pause ?? macrotask;
  const document = newScanDocument(now.toISOString());
  const tally = new FleetTally();
  const view = new FleetView();
  const unrecognised = new UnrecognisedAlertTally();
  const result = unscannedEnvironment(source.environment);
  let error: string | undefined;
  try {
    const scan = await startFleetScan(source.port, {
      now,
      environment: source.environment,
      ...(source.caller ? { caller: source.caller } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    });
    error = unseenReason(source.environment, scan.unreadable);
    if (error === undefined) {
      result.unreadable = scan.unreadable.map(unreadableEntry);
      options.onProgress?.({ scanned: 0, estimatedTotal: scan.estimatedTotal });
      for await (const report of scan.verdicts) {
        view.add(report, tally.add(report));
        unrecognised.add(report);
        if (tally.total % every === 0) {
          options.onProgress?.({ scanned: tally.total, estimatedTotal: scan.estimatedTotal });
          await pause();
        }
      }
      // What the scan tells only from its whole stream (an overdue profile), as the CLI adds it.
      tally.addFindings(scan.findings());
      options.onProgress?.({ scanned: tally.total, estimatedTotal: scan.estimatedTotal });
      if (tally.total === 0) error = fleetText('fleet.error.empty');
    }
  } catch (thrown) {
    error = toDataverseError(thrown).message;
  }
  // As in the CLI: what was scanned before a failure is kept, beside the error.
  if (error !== undefined) result.error = error;
  addEnvironment(document, result, tally);
  completeDocument(document, unrecognised);
  return {
    document,
    groups: view.groups(),
    profiles: view.profiles(),
    ...(error !== undefined ? { error } : {}),
  };
}
