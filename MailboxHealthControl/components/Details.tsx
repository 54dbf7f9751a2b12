/** @jsx h */
/** @jsxFrag Fragment */
import * as React from 'react';
import { Link } from '@fluentui/react';
import type { EvidenceRow } from '../model/viewModel';
import { Fragment, h } from './h';
import { usePanel } from './panel-context';

/** Label and value pairs (evidence, timing, failed items): Dataverse text rendered as text. */
export const Rows: React.FC<{ rows: EvidenceRow[] }> = ({ rows }) => {
  const { classNames } = usePanel();
  return (
    <dl className={classNames.evidence}>
      {rows.map((row, i) => (
        <div key={i} className={classNames.evidenceRow}>
          <dt className={classNames.evidenceLabel}>{row.label}</dt>
          <dd className={classNames.evidenceValue}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
};

/** What to do, and the Learn more link (a new tab, named after what it is about). */
export const Advice: React.FC<{
  remedy: string | null;
  learnMoreUrl: string | null;
  title: string;
}> = ({ remedy, learnMoreUrl, title }) => {
  const { strings, classNames } = usePanel();
  return (
    <>
      {remedy ? (
        <>
          <h4 className={classNames.subTitle}>{strings.t('panel.check.remedy')}</h4>
          <p className={classNames.remedy}>{remedy}</p>
        </>
      ) : null}
      {learnMoreUrl ? (
        <Link
          href={learnMoreUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={strings.t('panel.aria.learnMore', { title })}
        >
          {strings.t('panel.check.learnMore')}
        </Link>
      ) : null}
    </>
  );
};
