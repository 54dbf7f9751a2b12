/** @jsx h */
import * as React from 'react';
import type { FindingView } from '../model/view-model';
import { Advice, Rows, Section } from './Details';
import { StatusGlyph } from './StatusGlyph';
import { h } from './h';
import { usePanel } from './panel-context';

/**
 * Profile and environment findings: facts this mailbox shares with others (its email server profile, the
 * organization). Information styling and words, apart from the checks: they never change the verdict.
 */
export const FindingList: React.FC<{
  findings: FindingView[];
}> = ({ findings }) => {
  const { strings, colours, classNames, idPrefix } = usePanel();
  const headingId = `${idPrefix}-findings`;
  return (
    <Section headingId={headingId} title={strings.t('report.findings')}>
      <p className={classNames.alertMeta}>{strings.t('report.findingsNote')}</p>
      <ul className={classNames.list} aria-labelledby={headingId}>
        {findings.map((finding) => (
          <li
            key={finding.key}
            className={classNames.card}
            style={{ borderLeftColor: colours.info }}
            data-finding={finding.kind}
          >
            <div className={classNames.cardHead}>
              <StatusGlyph shape="info" colour={colours.info} className={classNames.glyph} />
              <div className={classNames.section}>
                <div className={classNames.cardTitleRow}>
                  <h4 className={classNames.cardTitle}>{finding.title}</h4>
                  <span className={classNames.statusWord} style={{ color: colours.info }}>
                    {strings.t('status.info')}
                  </span>
                </div>
                <p className={classNames.summary}>{finding.summary}</p>
                {finding.evidence.length > 0 ? <Rows rows={finding.evidence} /> : null}
                <Advice remedy={finding.remedy} learnMoreUrl={finding.learnMoreUrl} title={finding.title} />
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
};
