/** @jsx h */
import * as React from 'react';
import {
  DefaultButton,
  MessageBar,
  MessageBarButton,
  MessageBarType,
  ProgressIndicator,
  Shimmer,
  ShimmerElementType,
  ThemeProvider,
} from '@fluentui/react';
import type { CheckId } from '../../diagnostics';
import { useRunGuard } from '../hooks/lifetime';
import { useDiagnosis } from '../hooks/use-diagnosis';
import { useTestAndEnable } from '../hooks/use-test-and-enable';
import type { PanelEngine } from '../model/engine';
import type { PanelHost } from '../model/host';
import { toPanelView, type PanelView } from '../model/view-model';
import { CheckItem, checkTitleId } from './CheckItem';
import { CopyReport } from './CopyReport';
import { FindingList } from './FindingList';
import { PanelContext, usePanel, type PanelContextValue } from './panel-context';
import { StatusGlyph } from './StatusGlyph';
import { panelStyles } from './styles';
import { SyncTiming } from './SyncTiming';
import { TestAndEnableDialog } from './TestAndEnableDialog';
import { TrackingExplainer } from './TrackingExplainer';
import { h } from './h';

export interface MailboxHealthPanelProps {
  host: PanelHost;
  engine: PanelEngine;
}

let instances = 0;

const VERDICT_SHAPE = { healthy: 'pass', warning: 'warn', failing: 'fail', unknown: 'error' } as const;

/** Why the panel cannot diagnose here, or null when it can. Checked before any request is made. */
export function gateFor(host: PanelHost): 'no-web-api' | 'wrong-table' | 'unsaved' | null {
  if (host.webApi === null) return 'no-web-api';
  if (host.entityTypeName !== null && host.entityTypeName !== 'mailbox') return 'wrong-table';
  if (host.recordId === null) return 'unsaved';
  return null;
}

/** The control's root: theme, then either a message saying why nothing runs, or the diagnosis of this record. */
export const MailboxHealthPanel: React.FC<MailboxHealthPanelProps> = ({ host, engine }) => {
  const classNames = React.useMemo(() => panelStyles(host.theme.theme), [host.theme]);
  const [idPrefix] = React.useState(() => `mbh${++instances}`);
  const { strings } = host;
  const colours = host.theme.status;
  const shared = React.useMemo<PanelContextValue>(
    () => ({ strings, colours, classNames, idPrefix }),
    [strings, colours, classNames, idPrefix],
  );
  const gate = gateFor(host);
  return (
    <ThemeProvider theme={host.theme.theme} className={classNames.root} data-testid="mailbox-health">
      <PanelContext.Provider value={shared}>
        {gate === 'no-web-api' ? (
          <MessageBar messageBarType={MessageBarType.warning}>{strings.t('panel.state.noWebApi')}</MessageBar>
        ) : gate === 'wrong-table' ? (
          <MessageBar messageBarType={MessageBarType.warning}>
            {strings.t('panel.state.wrongTable', { table: host.entityTypeName ?? '' })}
          </MessageBar>
        ) : gate === 'unsaved' ? (
          <MessageBar messageBarType={MessageBarType.info}>{strings.t('panel.state.unsaved')}</MessageBar>
        ) : (
          // A new record id remounts the diagnosis, so a response for the previous record has nowhere to land.
          <Diagnosis key={host.recordId ?? ''} host={host} engine={engine} />
        )}
      </PanelContext.Provider>
    </ThemeProvider>
  );
};

const Diagnosis: React.FC<MailboxHealthPanelProps> = ({ host, engine }) => {
  const { strings, colours, classNames, idPrefix } = usePanel();
  const [expanded, setExpanded] = React.useState<ReadonlySet<CheckId>>(new Set());
  const [copied, setCopied] = React.useState<boolean | null>(null);
  const guard = useRunGuard();
  const diagnosis = useDiagnosis(engine, host, (report) =>
    setExpanded(new Set(report.startHere ? [report.startHere] : [])),
  );
  const test = useTestAndEnable(engine, host, diagnosis.run);
  const { load, refreshing } = diagnosis;

  if (load.kind === 'loading') {
    return (
      <div aria-busy="true">
        <span role="status" className={classNames.srOnly}>
          {strings.t('panel.state.loading')}
        </span>
        <Shimmer shimmerElements={[{ type: ShimmerElementType.line, height: 24, width: '60%' }]} />
        {[0, 1, 2, 3].map((i) => (
          <Shimmer
            key={i}
            style={{ marginTop: 12 }}
            shimmerElements={[{ type: ShimmerElementType.line, height: 40 }]}
          />
        ))}
      </div>
    );
  }

  if (load.kind === 'failed') {
    return (
      <MessageBar
        messageBarType={MessageBarType.error}
        isMultiline
        actions={
          <MessageBarButton onClick={diagnosis.retry} disabled={refreshing}>
            {strings.t('panel.action.retry')}
          </MessageBarButton>
        }
      >
        {strings.t('panel.state.failed', { reason: load.reason })}
      </MessageBar>
    );
  }

  const report = load.report;
  const view: PanelView = toPanelView(report, { strings, dates: host.dates, now: host.now() });
  const testState = test.state;
  const busy = refreshing || testState.kind === 'running' || testState.kind === 'confirming';
  const toggle = (id: CheckId): void =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  // A symptom's "See <root cause>": expand the cause and move focus to its title (already in the list, details or not).
  const navigate = (id: CheckId): void => {
    setExpanded((prev) => new Set(prev).add(id));
    document.getElementById(checkTitleId(idPrefix, id))?.focus();
  };
  const startTest = (): void => {
    test.start();
    setCopied(null);
  };

  const notice = (type: MessageBarType, text: string, onDismiss?: () => void): React.ReactElement => (
    <MessageBar
      messageBarType={type}
      isMultiline
      onDismiss={onDismiss}
      dismissButtonAriaLabel={onDismiss ? strings.t('panel.action.dismiss') : undefined}
    >
      {text}
    </MessageBar>
  );

  return (
    <section
      aria-label={strings.t('panel.aria.region', { name: view.name })}
      aria-busy={busy}
      className={classNames.body}
    >
      <header className={classNames.header}>
        <h2 className={classNames.name}>{view.name}</h2>
        <p className={classNames.address}>{view.address}</p>
        <span className={classNames.verdict} style={{ color: colours[view.tone] }} data-verdict={view.verdict}>
          <StatusGlyph shape={VERDICT_SHAPE[view.verdict]} colour={colours[view.tone]} size={20} />
          <span aria-label={strings.t('panel.aria.verdict', { verdict: view.verdictLabel })}>{view.verdictLabel}</span>
        </span>
        <span className={classNames.meta}>{view.diagnosedLabel}</span>
        <div className={classNames.toolbar} role="group" aria-label={strings.t('panel.aria.toolbar')}>
          <DefaultButton onClick={() => void diagnosis.run()} disabled={busy}>
            {strings.t('panel.action.runAgain')}
          </DefaultButton>
          <DefaultButton onClick={test.ask} disabled={busy}>
            {strings.t('panel.action.testAndEnable')}
          </DefaultButton>
          <CopyReport
            render={(format) => engine.renderReport(report, format, strings.catalogue)}
            copy={host.copyText}
            onResult={(ok) => guard.alive() && setCopied(ok)}
          />
        </div>
      </header>

      <div role="status" aria-live="polite">
        {refreshing && testState.kind !== 'running' ? (
          <ProgressIndicator label={strings.t('panel.state.running')} />
        ) : null}
        {testState.kind === 'running' ? (
          <ProgressIndicator
            label={
              testState.progress && testState.progress.phase !== 'scheduling'
                ? strings.t('panel.test.waiting', { seconds: Math.round(testState.progress.elapsedMs / 1000) })
                : strings.t('panel.test.scheduling')
            }
          />
        ) : null}
      </div>
      {/* MessageBars announce themselves (Fluent gives each its own live region). */}
      {testState.kind === 'finished'
        ? notice(
            testState.result.outcome === 'succeeded'
              ? MessageBarType.success
              : testState.result.outcome === 'failed'
                ? MessageBarType.error
                : MessageBarType.info,
            `${testState.result.summary} ${strings.t(testState.result.outcome === 'timeout' ? 'panel.test.pending' : 'panel.test.completed')}`,
            test.dismiss,
          )
        : null}
      {testState.kind === 'failed'
        ? notice(MessageBarType.error, strings.t('panel.test.failed', { reason: testState.reason }), test.dismiss)
        : null}
      {copied !== null
        ? notice(
            copied ? MessageBarType.success : MessageBarType.warning,
            strings.t(copied ? 'panel.copy.done' : 'panel.copy.failed'),
            () => setCopied(null),
          )
        : null}
      {view.partial ? notice(MessageBarType.warning, strings.t('panel.state.partial')) : null}

      {report.checks.some((c) => c.id === 'sync-recency') ? <SyncTiming rows={view.timing} /> : null}

      <ol className={classNames.list} aria-label={strings.t('panel.aria.checks')}>
        {view.checks.map((check) => (
          <CheckItem
            key={check.id}
            check={check}
            expanded={expanded.has(check.id)}
            onToggle={toggle}
            onNavigate={navigate}
          />
        ))}
      </ol>

      {view.findings.length > 0 ? <FindingList findings={view.findings} /> : null}

      <TrackingExplainer explain={(address) => engine.explainTracking(host.webApi!, report, address, strings)} />

      <TestAndEnableDialog
        open={testState.kind === 'confirming'}
        address={view.address}
        onConfirm={startTest}
        onCancel={test.dismiss}
      />
    </section>
  );
};
