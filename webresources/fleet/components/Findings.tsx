import * as React from 'react';
import { Link } from '@fluentui/react';
import { findingTitle, type ScanFinding } from '../../../cli/scan-report';
import { count, engineText, fleetText } from '../strings.en';
import type { FleetClassNames } from './styles';

/**
 * Profile and environment findings, each once: what a profile or the environment shows, never part of a verdict. The
 * scan document's findings, as the CLI renders them (title, summary, fix, Learn more).
 */
export const Findings: React.FC<{ findings: ScanFinding[]; classNames: FleetClassNames; id: string }> = ({
  findings,
  classNames,
  id,
}) => (
  <section className={classNames.section} aria-labelledby={id}>
    <h2 id={id} className={classNames.sectionTitle}>
      {fleetText('fleet.findings.heading', { count: count(findings.length) })}
    </h2>
    <p className={classNames.note}>{fleetText('fleet.findings.note')}</p>
    <ul className={classNames.findings}>
      {findings.map((finding, index) => (
        <li key={`${index}:${finding.kind}`} className={classNames.finding} data-finding={finding.kind}>
          <h3 className={classNames.findingTitle}>{findingTitle(finding, false)}</h3>
          <p className={classNames.text}>{finding.summary}</p>
          {finding.remedy ? (
            <p className={classNames.text}>
              <strong>{engineText({ key: 'report.remedy' })}: </strong>
              {finding.remedy}
            </p>
          ) : null}
          <Link className={classNames.inlineLink} href={finding.learnMoreUrl} target="_blank" rel="noopener noreferrer">
            {engineText({ key: 'report.learnMore' })}
          </Link>
        </li>
      ))}
    </ul>
  </section>
);
