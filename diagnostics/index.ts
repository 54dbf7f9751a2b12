/**
 * Mailbox Health's diagnostic engine: pure TypeScript, no host. Hosts hand it a port shaped like Xrm.WebApi.
 * This is the engine's only entry point: code outside diagnostics/ imports from here (a lint rule enforces it), so
 * what the hosts may use is the list below and everything else can change without touching them.
 */

// The port and the Web API conventions a host adapter needs.
export type { WebApiPort, DataverseRecord, DataverseValue, RetrieveMultipleResult, FetchXmlPaging } from './port';
export {
  FORMATTED_VALUE,
  LOOKUP_LOGICAL_NAME,
  assertGuid,
  fetchXmlOptions,
  fetchXmlPageOptions,
  nextFetchXmlPage,
  odataOptions,
  isGuid,
  normalizeGuid,
  odataString,
} from './port';
export { escapeXml, unescapeXml } from './xml';
export { isRecord } from './answers';
export { formattedValue, readString } from './records';
export {
  AGGREGATE_LIMIT_CODE,
  AGGREGATE_LIMIT_ROWS,
  DataverseError,
  UnexpectedAnswerError,
  normalizeErrorCode,
  toDataverseError,
  type FailureKind,
} from './errors';
export { withRetry, retryingPort, type RetryOptions, type Sleep } from './retry';

// The shapes shared with the hosts.
export { CHECK_ORDER } from './model';
export type {
  AlertGroup,
  Caller,
  CheckId,
  CheckResult,
  CheckStatus,
  DiagnosisReport,
  Evidence,
  EvidenceValue,
  Finding,
  ItemFailure,
  Loaded,
  MailboxIdentity,
  OptionSetName,
  ReadFailure,
  TableName,
  TrackingContext,
  TrackingExplanation,
  TrackingMatch,
  Verdict,
} from './model';

// One mailbox: diagnose, explain email tracking, Test & Enable.
export { diagnoseMailbox, evaluate, overallVerdict, startHere, type DiagnoseOptions } from './diagnose';
export { loadDiagnosisInput, type DiagnosisInput } from './input';
export { explainEmailTracking, isPlausibleAddress } from './tracking-explainer';
export {
  testAndEnable,
  type TestAndEnableResult,
  type TestAndEnableProgress,
  type TestAndEnableOptions,
} from './test-and-enable';

// The fleet scan.
export {
  startFleetScan,
  FleetTally,
  FleetProfileError,
  FLEET_PAGE_SIZE,
  mailboxKey,
  type FleetScan,
  type FleetScanOptions,
  type FleetMailboxSummary,
  type FleetCounts,
  type ByCheck,
} from './fleet';

// Alerts: the recognised ones, and a tally of the rest.
export { KNOWN_ALERTS, recogniseAlert } from './alerts/known-alerts';
export type { AlertSource, KnownAlert } from './alerts/catalogue';
export { alertSearch, learnSearchUrl } from './alerts/codes';
export { UnrecognisedAlertTally, type UnrecognisedAlert } from './alerts/unrecognised';

// Rendering: the engine's strings and the report in words.
export {
  renderReport,
  renderReportJson,
  renderCheck,
  renderFinding,
  formatEvidenceValue,
  formatDuration,
  escapeMarkdown,
  itemSubject,
  type RenderOptions,
  type RenderedReport,
  type RenderedFinding,
} from './render';
export { en, type MessageKey } from './messages/en';
export {
  formatMessage,
  formatTemplate,
  message,
  optionMessage,
  type Message,
  type MessageParams,
  type Catalogue,
  type OptionLabelKey,
} from './messages/format';
