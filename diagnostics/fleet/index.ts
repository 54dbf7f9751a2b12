/** The fleet scan: every mailbox of an environment by the rules of a single diagnosis, read in bulk, and its tally. */
export { continuationOptions, readAllPages } from './context';
export { FLEET_PAGE_SIZE, FleetProfileError, startFleetScan, type FleetScan, type FleetScanOptions } from './scan';
export {
  FleetTally,
  mailboxKey,
  type ByCheck,
  type FleetCounts,
  type FleetMailboxSummary,
  type FleetTallyOptions,
} from './tally';
