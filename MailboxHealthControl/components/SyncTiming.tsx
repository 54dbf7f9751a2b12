/** @jsx h */
import * as React from 'react';
import type { EvidenceRow } from '../model/viewModel';
import { Rows } from './Details';
import { h } from './h';
import { usePanel } from './panel-context';

/** Last successful sync and next expected sync, in the user's time zone and as relative time. */
export const SyncTiming: React.FC<{ rows: EvidenceRow[] }> = ({ rows }) => {
  const { strings, classNames, idPrefix } = usePanel();
  return (
    <section className={classNames.section} aria-labelledby={`${idPrefix}-timing`}>
      <h3 id={`${idPrefix}-timing`} className={classNames.sectionTitle}>
        {strings.t('panel.timing.heading')}
      </h3>
      {rows.length === 0 ? (
        <p className={classNames.summary}>{strings.t('panel.timing.none')}</p>
      ) : (
        <Rows rows={rows} />
      )}
    </section>
  );
};
