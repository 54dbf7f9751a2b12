/** @jsx h */
import * as React from 'react';
import { DefaultButton, TextField } from '@fluentui/react';
import { isPlausibleAddress } from '../../diagnostics';
import { failureReason, useRunGuard } from '../hooks/lifetime';
import type { TrackingView } from '../model/engine';
import type { ControlMessageKey } from '../model/strings';
import type { Tone } from '../model/view-model';
import { Section } from './Details';
import { StatusGlyph, type GlyphShape } from './StatusGlyph';
import { h } from './h';
import { usePanel } from './panel-context';

type State =
  { kind: 'idle' } | { kind: 'checking' } | { kind: 'done'; view: TrackingView } | { kind: 'failed'; reason: string };

/** "Would an email from this address be tracked, and if not, why?" — asks the engine, shows its answer as text. */
export const TrackingExplainer: React.FC<{
  explain(address: string): Promise<TrackingView>;
}> = ({ explain }) => {
  const { strings, colours, classNames, idPrefix } = usePanel();
  const [address, setAddress] = React.useState('');
  const [invalid, setInvalid] = React.useState(false);
  const [state, setState] = React.useState<State>({ kind: 'idle' });
  const guard = useRunGuard();

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const trimmed = address.trim();
    if (!isPlausibleAddress(trimmed)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const current = guard.begin();
    setState({ kind: 'checking' });
    explain(trimmed).then(
      (view) => {
        if (current()) setState({ kind: 'done', view });
      },
      (error: unknown) => {
        if (current()) {
          setState({ kind: 'failed', reason: failureReason(error) });
        }
      },
    );
  };

  return (
    <Section headingId={`${idPrefix}-tracking`} title={strings.t('panel.tracking.heading')}>
      <form className={classNames.form} onSubmit={submit} noValidate>
        <TextField
          className={classNames.field}
          label={strings.t('panel.tracking.label')}
          type="email"
          value={address}
          onChange={(_e, value) => setAddress(value ?? '')}
          errorMessage={invalid ? strings.t('panel.tracking.invalid') : undefined}
          autoComplete="off"
        />
        <DefaultButton type="submit" disabled={state.kind === 'checking'}>
          {strings.t('panel.tracking.check')}
        </DefaultButton>
      </form>
      <div role="status" aria-live="polite">
        {state.kind === 'checking' ? (
          <p className={classNames.summary}>{strings.t('panel.tracking.checking')}</p>
        ) : null}
        {state.kind === 'failed' ? (
          <p className={classNames.summary} style={{ color: colours.danger }}>
            {strings.t('panel.tracking.failed', { reason: state.reason })}
          </p>
        ) : null}
        {state.kind === 'done' ? <TrackingResult view={state.view} /> : null}
      </div>
    </Section>
  );
};

const VERDICT: Record<TrackingView['verdict'], { tone: Tone; shape: GlyphShape; key: ControlMessageKey }> = {
  yes: { tone: 'success', shape: 'pass', key: 'panel.tracking.yes' },
  no: { tone: 'danger', shape: 'fail', key: 'panel.tracking.no' },
  'replies-only': { tone: 'warning', shape: 'warn', key: 'panel.tracking.repliesOnly' },
  unknown: { tone: 'neutral', shape: 'error', key: 'panel.tracking.unknown' },
};

const TrackingResult: React.FC<{ view: TrackingView }> = ({ view }) => {
  const { strings, colours, classNames } = usePanel();
  const look = VERDICT[view.verdict] ?? VERDICT.unknown;
  return (
    <div className={classNames.section} data-tracked={view.verdict}>
      <span className={classNames.alertHead} style={{ color: colours[look.tone] }}>
        <StatusGlyph shape={look.shape} colour={colours[look.tone]} />
        <span>{strings.t(look.key)}</span>
      </span>
      <p className={classNames.summary}>{view.reason}</p>
      {view.details.length > 0 ? (
        <ul className={classNames.summary}>
          {view.details.map((detail, i) => (
            <li key={i}>{detail}</li>
          ))}
        </ul>
      ) : null}
      <p className={classNames.alertMeta}>{view.note}</p>
    </div>
  );
};
