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
import { toDataverseError, type CheckId, type DiagnosisReport } from '../../diagnostics';
import type { PanelEngine, TestOutcome, TestProgress } from '../model/engine';
import type { PanelHost } from '../model/host';
import type { Strings } from '../model/strings';
import { toPanelView, type PanelView } from '../model/viewModel';
import { CheckItem, checkTitleId } from './CheckItem';
import { CopyReport } from './CopyReport';
import { FindingList } from './FindingList';
import { StatusGlyph } from './StatusGlyph';
import { panelStyles, type PanelClassNames } from './styles';
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

function reasonOf(error: unknown): string {
  return toDataverseError(error).message;
}

/**
 * When no check could read anything (the mailbox itself was unreadable: no privilege, throttled out, offline), a
 * report of ten "Could not check" rows says less than one failure with the reason and Retry.
 */
export function unreadableReason(report: DiagnosisReport, strings: Strings): string | null {
  if (report.checks.length === 0 || report.checks.some((c) => c.status !== 'error')) return null;
  return strings.message(report.checks[0].summary);
}

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
  const gate = gateFor(host);
  const { strings } = host;
  return (
    <ThemeProvider theme={host.theme.theme} className={classNames.root} data-testid="mailbox-health">
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
        <Diagnosis key={host.recordId ?? ''} host={host} engine={engine} classNames={classNames} idPrefix={idPrefix} />
      )}
    </ThemeProvider>
  );
};

type Load = { kind: 'loading' } | { kind: 'ready'; report: DiagnosisReport } | { kind: 'failed'; reason: string };

type TestState =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'running'; progress: TestProgress | null }
  | { kind: 'finished'; result: TestOutcome }
  | { kind: 'failed'; reason: string };

interface DiagnosisProps extends MailboxHealthPanelProps {
  classNames: PanelClassNames;
  idPrefix: string;
}

const Diagnosis: React.FC<DiagnosisProps> = ({ host, engine, classNames, idPrefix }) => {
  const { strings } = host;
  const colours = host.theme.status;
  const [load, setLoad] = React.useState<Load>({ kind: 'loading' });
  const [refreshing, setRefreshing] = React.useState(false);
  const [test, setTest] = React.useState<TestState>({ kind: 'idle' });
  const [expanded, setExpanded] = React.useState<ReadonlySet<CheckId>>(new Set());
  const [copied, setCopied] = React.useState<boolean | null>(null);

  // Every run takes a number; only the latest run's answer is shown, and none after unmount.
  const seq = React.useRef(0);
  const alive = React.useRef(true);
  const hostRef = React.useRef(host);
  hostRef.current = host;
  const recordId = host.recordId as string;

  const diagnose = React.useCallback(async (): Promise<void> => {
    const mine = ++seq.current;
    const current = (): boolean => alive.current && mine === seq.current;
    setRefreshing(true);
    try {
      const report = await engine.diagnose(hostRef.current.webApi!, recordId, hostRef.current.caller);
      if (!current()) return;
      const unread = unreadableReason(report, strings);
      if (unread !== null) {
        setLoad({ kind: 'failed', reason: unread });
        return;
      }
      setLoad({ kind: 'ready', report });
      setExpanded(new Set(report.startHere ? [report.startHere] : []));
    } catch (error) {
      if (!current()) return;
      setLoad({ kind: 'failed', reason: reasonOf(error) });
    } finally {
      if (current()) setRefreshing(false);
    }
  }, [engine, recordId, strings]);

  React.useEffect(() => {
    alive.current = true;
    void diagnose();
    return () => {
      alive.current = false;
    };
  }, [diagnose]);

  const startTest = (): void => {
    setTest({ kind: 'running', progress: null });
    setCopied(null);
    engine
      .testAndEnable(
        hostRef.current.webApi!,
        recordId,
        (progress) => {
          if (alive.current) setTest({ kind: 'running', progress });
        },
        strings,
      )
      .then(
        async (result) => {
          if (!alive.current) return;
          // Show the new statuses: the checks are read again once the server has answered.
          if (result.outcome !== 'timeout') await diagnose();
          if (alive.current) setTest({ kind: 'finished', result });
        },
        (error: unknown) => {
          if (alive.current) setTest({ kind: 'failed', reason: reasonOf(error) });
        },
      );
  };

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
          <MessageBarButton
            onClick={() => {
              setLoad({ kind: 'loading' });
              void diagnose();
            }}
            disabled={refreshing}
          >
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
  const testing = test.kind === 'running' || test.kind === 'confirming';
  const busy = refreshing || testing;
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
          <DefaultButton onClick={() => void diagnose()} disabled={busy}>
            {strings.t('panel.action.runAgain')}
          </DefaultButton>
          <DefaultButton onClick={() => setTest({ kind: 'confirming' })} disabled={busy}>
            {strings.t('panel.action.testAndEnable')}
          </DefaultButton>
          <CopyReport
            render={(format) => engine.renderReport(report, format, strings.catalogue)}
            copy={host.copyText}
            onResult={(ok) => alive.current && setCopied(ok)}
            strings={strings}
          />
        </div>
      </header>

      <div role="status" aria-live="polite">
        {refreshing && test.kind !== 'running' ? <ProgressIndicator label={strings.t('panel.state.running')} /> : null}
        {test.kind === 'running' ? (
          <ProgressIndicator
            label={
              test.progress && test.progress.phase !== 'scheduling'
                ? strings.t('panel.test.waiting', { seconds: Math.round(test.progress.elapsedMs / 1000) })
                : strings.t('panel.test.scheduling')
            }
          />
        ) : null}
      </div>
      {/* MessageBars announce themselves (Fluent gives each its own live region). */}
      {test.kind === 'finished'
        ? notice(
            test.result.outcome === 'succeeded'
              ? MessageBarType.success
              : test.result.outcome === 'failed'
                ? MessageBarType.error
                : MessageBarType.info,
            `${test.result.summary} ${strings.t(test.result.outcome === 'timeout' ? 'panel.test.pending' : 'panel.test.completed')}`,
            () => setTest({ kind: 'idle' }),
          )
        : null}
      {test.kind === 'failed'
        ? notice(MessageBarType.error, strings.t('panel.test.failed', { reason: test.reason }), () =>
            setTest({ kind: 'idle' }),
          )
        : null}
      {copied !== null
        ? notice(
            copied ? MessageBarType.success : MessageBarType.warning,
            strings.t(copied ? 'panel.copy.done' : 'panel.copy.failed'),
            () => setCopied(null),
          )
        : null}
      {view.partial ? notice(MessageBarType.warning, strings.t('panel.state.partial')) : null}

      {report.checks.some((c) => c.id === 'sync-recency') ? (
        <SyncTiming rows={view.timing} strings={strings} classNames={classNames} idPrefix={idPrefix} />
      ) : null}

      <ol className={classNames.list} aria-label={strings.t('panel.aria.checks')}>
        {view.checks.map((check) => (
          <CheckItem
            key={check.id}
            check={check}
            expanded={expanded.has(check.id)}
            onToggle={toggle}
            onNavigate={navigate}
            strings={strings}
            colours={colours}
            classNames={classNames}
            idPrefix={idPrefix}
          />
        ))}
      </ol>

      {view.findings.length > 0 ? (
        <FindingList
          findings={view.findings}
          strings={strings}
          colours={colours}
          classNames={classNames}
          idPrefix={idPrefix}
        />
      ) : null}

      <TrackingExplainer
        explain={(address) => engine.explainTracking(hostRef.current.webApi!, report, address, strings)}
        strings={strings}
        colours={colours}
        classNames={classNames}
        idPrefix={idPrefix}
      />

      <TestAndEnableDialog
        open={test.kind === 'confirming'}
        address={view.address}
        onConfirm={startTest}
        onCancel={() => setTest({ kind: 'idle' })}
        strings={strings}
      />
    </section>
  );
};
