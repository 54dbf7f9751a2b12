/** @jsx h */
import * as React from 'react';
import type { Strings } from '../model/strings';
import type { TimingRow } from '../model/viewModel';
import type { PanelClassNames } from './styles';
import { h } from './h';

/** Last successful sync and next expected sync, in the user's time zone and as relative time. */
export const SyncTiming: React.FC<{
  rows: TimingRow[];
  strings: Strings;
  classNames: PanelClassNames;
  idPrefix: string;
}> = ({ rows, strings, classNames, idPrefix }) => (
  <section className={classNames.section} aria-labelledby={`${idPrefix}-timing`}>
    <h3 id={`${idPrefix}-timing`} className={classNames.sectionTitle}>
      {strings.t('panel.timing.heading')}
    </h3>
    {rows.length === 0 ? (
      <p className={classNames.summary}>{strings.t('panel.timing.none')}</p>
    ) : (
      <dl className={classNames.evidence}>
        {rows.map((row, i) => (
          <div key={i} className={classNames.evidenceRow}>
            <dt className={classNames.evidenceLabel}>{row.label}</dt>
            <dd className={classNames.evidenceValue}>{row.time}</dd>
          </div>
        ))}
      </dl>
    )}
  </section>
);
