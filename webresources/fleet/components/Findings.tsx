import * as React from 'react';
import { Link } from '@fluentui/react';
import { formatMessage } from '../../../diagnostics/messages/format';
import type { Finding } from '../../../diagnostics/report';
import { count, fleetText } from '../strings.en';
import type { FleetClassNames } from './styles';

/** Profile and environment findings, each once: what a profile or the environment shows, never part of a verdict. */
export const Findings: React.FC<{ findings: Finding[]; classNames: FleetClassNames; id: string }> = ({
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
      {findings.map((finding) => (
        <li key={finding.key} className={classNames.finding} data-finding={finding.kind}>
          <h3 className={classNames.findingTitle}>
            {formatMessage({ key: `finding.scope.${finding.scope}` })}:{' '}
            {finding.subject.name ?? finding.subject.id ?? ''}
          </h3>
          <p className={classNames.text}>{formatMessage(finding.summary)}</p>
          {finding.remedy ? (
            <p className={classNames.text}>
              <strong>{formatMessage({ key: 'report.remedy' })}: </strong>
              {formatMessage(finding.remedy)}
            </p>
          ) : null}
          <Link href={finding.learnMoreUrl} target="_blank" rel="noopener noreferrer">
            {formatMessage({ key: 'report.learnMore' })}
          </Link>
        </li>
      ))}
    </ul>
  </section>
);
