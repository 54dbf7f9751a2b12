import * as React from 'react';
import {
  DefaultButton,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  ProgressIndicator,
  ThemeProvider,
} from '@fluentui/react';
import { checkTitle, renderCsv, renderJson, type ScanDocument } from '../../../cli/scan-report';
import { CHECK_ORDER } from '../../../diagnostics';
import type { PanelTheme } from '../../../MailboxHealthControl/model/theme';
import { StatusGlyph, type GlyphShape } from '../../../MailboxHealthControl/components/StatusGlyph';
import type { FleetHost } from '../host';
import { scanFleet, type FleetProgress, type FleetResult, type ScanFleetOptions } from '../scan-fleet';
import { count, fleetText, type FleetKey } from '../strings.en';
import { BarChart, type BarRow } from './BarChart';
import { CauseList } from './CauseList';
import { Findings } from './Findings';
import { fleetStyles } from './styles';

export interface FleetHealthPageProps {
  /** Finds Dataverse (parent.Xrm, or the page's own origin); rejects when neither is there. */
  connect: () => Promise<FleetHost>;
  theme: PanelTheme;
  now?: () => Date;
  scanOptions?: Pick<ScanFleetOptions, 'sleep' | 'pause' | 'progressEvery'>;
  /** Saves a file for the user (the browser's download in the page; a recorder in tests). */
  download: (fileName: string, type: string, text: string) => void;
}

type Phase = 'connecting' | 'scanning' | 'done' | 'failed';

const TILES: { key: 'total' | 'failing' | 'warning' | 'unknown' | 'healthy'; label: FleetKey; shape?: GlyphShape }[] = [
  { key: 'total', label: 'fleet.totals.scanned' },
  { key: 'failing', label: 'fleet.totals.failing', shape: 'fail' },
  { key: 'warning', label: 'fleet.totals.warning', shape: 'warn' },
  { key: 'unknown', label: 'fleet.totals.unknown', shape: 'error' },
  { key: 'healthy', label: 'fleet.totals.healthy', shape: 'pass' },
];

function progressText(progress: FleetProgress | null): string {
  if (progress === null) return fleetText('fleet.progress.starting');
  if (progress.estimatedTotal === null)
    return fleetText('fleet.progress.uncounted', { scanned: count(progress.scanned) });
  return fleetText('fleet.progress.counted', {
    scanned: count(progress.scanned),
    total: count(Math.max(progress.estimatedTotal, progress.scanned)),
  });
}

/** The exports: the CLI's scan document (scan --format json) and its CSV (scan --format csv). */
const EXPORTS: {
  extension: string;
  type: string;
  label: FleetKey;
  title: FleetKey;
  render: (doc: ScanDocument) => string;
}[] = [
  {
    extension: 'json',
    type: 'application/json',
    label: 'fleet.action.exportJson',
    title: 'fleet.action.exportJson.title',
    render: renderJson,
  },
  {
    extension: 'csv',
    type: 'text/csv',
    label: 'fleet.action.exportCsv',
    title: 'fleet.action.exportCsv.title',
    render: renderCsv,
  },
];

/** 2026-12-01T07:00:00.000Z → mailbox-health-scan-2026-12-01T07-00-00 */
function exportName(scannedAt: string, extension: string): string {
  return `mailbox-health-scan-${scannedAt.slice(0, 19).replace(/:/g, '-')}.${extension}`;
}

let instances = 0;

/**
 * The Fleet health page: scans on open (and on Scan again) with a progress bar, then shows the totals, failing and
 * warning by check and by profile, the findings once each, and the mailboxes that are not healthy grouped by cause.
 * It only reads; the exports are the CLI's JSON document and CSV.
 */
export const FleetHealthPage: React.FC<FleetHealthPageProps> = ({ connect, theme, now, scanOptions, download }) => {
  const classNames = React.useMemo(() => fleetStyles(theme.theme, theme.status), [theme]);
  const [idPrefix] = React.useState(() => `fleet${++instances}`);
  const [run, setRun] = React.useState(0);
  const [phase, setPhase] = React.useState<Phase>('connecting');
  const [host, setHost] = React.useState<FleetHost | null>(null);
  const [progress, setProgress] = React.useState<FleetProgress | null>(null);
  const [result, setResult] = React.useState<FleetResult | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let current = true;
    setPhase('connecting');
    setProgress(null);
    setResult(null);
    setError(null);
    (async () => {
      let found: FleetHost;
      try {
        found = await connect();
      } catch {
        if (current) {
          setError(fleetText('fleet.error.noHost'));
          setPhase('failed');
        }
        return;
      }
      if (!current) return;
      setHost(found);
      setPhase('scanning');
      const outcome = await scanFleet(found, {
        ...scanOptions,
        ...(now ? { now: now() } : {}),
        onProgress: (next) => {
          if (current) setProgress(next);
        },
      });
      if (!current) return;
      setResult(outcome);
      setError(outcome.error ?? null);
      setPhase(outcome.error === undefined ? 'done' : 'failed');
    })();
    return () => {
      current = false;
    };
    // The scan runs once per Scan again; connect, now and options are fixed for the page's life.
  }, [run]);

  const busy = phase === 'connecting' || phase === 'scanning';
  const doc = result?.document;
  const environment = host?.environment || doc?.environments[0]?.url || '';
  const unreadable = doc?.environments[0]?.unreadable ?? [];
  const percent = progress?.estimatedTotal ? Math.min(1, progress.scanned / progress.estimatedTotal) : undefined;
  const byCheck: BarRow[] = doc
    ? CHECK_ORDER.filter((id) => doc.byCheck[id].fail + doc.byCheck[id].warn > 0).map((id) => ({
        key: id,
        label: checkTitle(id),
        failing: doc.byCheck[id].fail,
        warning: doc.byCheck[id].warn,
      }))
    : [];
  const byProfile: BarRow[] = (result?.profiles ?? []).map((p) => ({
    key: p.name ?? '',
    label: p.name ?? fleetText('fleet.profile.none'),
    failing: p.failing,
    warning: p.warning,
    total: p.total,
  }));
  const unhealthy = doc?.mailboxes.length ?? 0;
  const colour = {
    fail: theme.status.danger,
    warn: theme.status.warning,
    error: theme.status.neutral,
    pass: theme.status.success,
  } as Record<GlyphShape, string>;

  return (
    <ThemeProvider theme={theme.theme} applyTo="body" className={classNames.root}>
      <main
        className={classNames.main}
        aria-labelledby={`${idPrefix}-title`}
        data-testid="fleet-health"
        data-phase={phase}
        aria-busy={busy}
      >
        <header className={classNames.header}>
          <div className={classNames.heading}>
            <h1 id={`${idPrefix}-title`} className={classNames.title}>
              {fleetText('fleet.title')}
            </h1>
            <p className={classNames.subtitle}>
              {environment
                ? fleetText('fleet.subtitle', { environment })
                : fleetText('fleet.subtitle.unknownEnvironment')}
            </p>
            <p className={classNames.note}>{fleetText('fleet.readOnly')}</p>
          </div>
          <div className={classNames.toolbar}>
            <PrimaryButton disabled={busy} onClick={() => setRun((n) => n + 1)}>
              {fleetText('fleet.action.scanAgain')}
            </PrimaryButton>
            {EXPORTS.map((format) => (
              <DefaultButton
                key={format.extension}
                iconProps={{ iconName: 'Download' }}
                disabled={!doc}
                title={fleetText(format.title)}
                onClick={() =>
                  doc && download(exportName(doc.scannedAt, format.extension), format.type, format.render(doc))
                }
              >
                {fleetText(format.label)}
              </DefaultButton>
            ))}
          </div>
        </header>

        <div role="status" aria-live="polite">
          {busy ? (
            <ProgressIndicator
              label={fleetText('fleet.progress.label')}
              description={progressText(progress)}
              percentComplete={percent}
            />
          ) : doc && phase === 'done' ? (
            <p className={classNames.status}>
              {fleetText('fleet.done', { total: count(doc.total), time: new Date(doc.scannedAt).toLocaleString() })}
            </p>
          ) : null}
        </div>

        {error !== null ? (
          <MessageBar
            messageBarType={MessageBarType.error}
            isMultiline
            messageBarIconProps={{ children: <StatusGlyph shape="fail" colour={theme.status.danger} /> }}
          >
            <strong>{fleetText('fleet.error.title')}. </strong>
            {error}
          </MessageBar>
        ) : null}
        {unreadable.length > 0 ? (
          <MessageBar
            messageBarType={MessageBarType.warning}
            isMultiline
            messageBarIconProps={{ children: <StatusGlyph shape="warn" colour={theme.status.warning} /> }}
          >
            <strong>{fleetText('fleet.unreadable.title')}. </strong>
            {fleetText('fleet.unreadable.text')} {unreadable.map((u) => u.reason).join(' ')}
          </MessageBar>
        ) : null}

        {doc && doc.total > 0 ? (
          <React.Fragment>
            <section className={classNames.section} aria-labelledby={`${idPrefix}-totals`}>
              <h2 id={`${idPrefix}-totals`} className={classNames.sectionTitle}>
                {fleetText('fleet.totals.heading')}
              </h2>
              <ul className={classNames.totals}>
                {TILES.map((tile) => (
                  <li key={tile.key} className={classNames.tile} data-total={tile.key}>
                    <span className={classNames.tileLabel}>
                      {tile.shape ? <StatusGlyph shape={tile.shape} colour={colour[tile.shape]} /> : null}
                      {fleetText(tile.label)}
                    </span>
                    <span className={classNames.tileValue}>{count(doc[tile.key])}</span>
                  </li>
                ))}
              </ul>
            </section>
            <div className={classNames.charts}>
              <BarChart id={`${idPrefix}-by-check`} chart="byCheck" rows={byCheck} classNames={classNames} />
              <BarChart id={`${idPrefix}-by-profile`} chart="byProfile" rows={byProfile} classNames={classNames} />
            </div>
            <section className={classNames.section} aria-labelledby={`${idPrefix}-groups`}>
              <h2 id={`${idPrefix}-groups`} className={classNames.sectionTitle}>
                {fleetText('fleet.groups.heading', { count: count(unhealthy) })}
              </h2>
              {unhealthy === 0 ? (
                <p className={classNames.text}>{fleetText('fleet.groups.allHealthy')}</p>
              ) : (
                <React.Fragment>
                  <p className={classNames.note}>{fleetText('fleet.groups.note')}</p>
                  {host ? (
                    <CauseList
                      groups={result?.groups ?? []}
                      host={host}
                      classNames={classNames}
                      status={theme.status}
                      idPrefix={idPrefix}
                    />
                  ) : null}
                </React.Fragment>
              )}
            </section>
            {doc.findings.length > 0 ? (
              <Findings findings={doc.findings} classNames={classNames} id={`${idPrefix}-findings`} />
            ) : null}
          </React.Fragment>
        ) : null}
      </main>
    </ThemeProvider>
  );
};
