/** @jsx h */
import * as React from 'react';
import type { EvidenceRow } from '../model/view-model';
import { Rows, Section } from './Details';
import { h } from './h';
import { usePanel } from './panel-context';

/** Last successful sync and next expected sync, in the user's time zone and as relative time. */
export const SyncTiming: React.FC<{ rows: EvidenceRow[] }> = ({ rows }) => {
  const { strings, classNames, idPrefix } = usePanel();
  return (
    <Section headingId={`${idPrefix}-timing`} title={strings.t('panel.timing.heading')}>
      {rows.length === 0 ? (
        <p className={classNames.summary}>{strings.t('panel.timing.none')}</p>
      ) : (
        <Rows rows={rows} />
      )}
    </Section>
  );
};
