/**
 * Mailbox Health's diagnostic engine: pure TypeScript, no host. Hosts hand it a port shaped like Xrm.WebApi.
 */
export type { WebApiPort, DataverseRecord, RetrieveMultipleResult } from './port';
export { FORMATTED_VALUE, LOOKUP_LOGICAL_NAME, assertGuid, odataString } from './port';
export { DataverseError, normalizeErrorCode, toDataverseError } from './errors';
export { withRetry, retryingPort, type RetryOptions, type Sleep } from './retry';
export { diagnoseMailbox, evaluate, type DiagnoseOptions } from './diagnose';
export { loadDiagnosisInput, type Caller, type DiagnosisInput, type Loaded, type ReadFailure } from './input';
export {
  startFleetScan,
  FleetTally,
  FleetProfileError,
  FLEET_PAGE_SIZE,
  type FleetScan,
  type FleetScanOptions,
  type FleetMailboxSummary,
  type FleetCounts,
  type ByCheck,
} from './fleet';
export {
  testAndEnable,
  type TestAndEnableResult,
  type TestAndEnableProgress,
  type TestAndEnableOptions,
} from './test-and-enable';
export {
  explainEmailTracking,
  isPlausibleAddress,
  type TrackingExplanation,
  type TrackingContext,
} from './email-tracking';
export {
  renderReport,
  renderReportJson,
  renderCheck,
  renderFinding,
  formatEvidenceValue,
  formatDuration,
  escapeMarkdown,
  type RenderOptions,
  type RenderedReport,
  type RenderedFinding,
} from './render';
export { CHECK_ORDER, overallVerdict, startHere } from './report';
export type {
  CheckId,
  CheckResult,
  CheckStatus,
  DiagnosisReport,
  Evidence,
  EvidenceValue,
  AlertGroup,
  Finding,
  ItemFailure,
  Verdict,
} from './report';
export { en, type MessageKey } from './messages/en';
export {
  formatMessage,
  formatTemplate,
  message,
  optionMessage,
  type Message,
  type Catalogue,
  type OptionLabelKey,
} from './messages/format';
export { KNOWN_ALERTS, recogniseAlert } from './alerts/known-alerts';
