/** @jsx h */
/** @jsxFrag Fragment */
import * as React from 'react';
import { Link } from '@fluentui/react';
import type { EvidenceRow } from '../model/view-model';
import { Fragment, h } from './h';
import { usePanel } from './panel-context';

/** A titled section of the panel, named by its heading for assistive technology. */
export const Section: React.FC<{ headingId: string; title: string }> = ({ headingId, title, children }) => {
  const { classNames } = usePanel();
  return (
    <section className={classNames.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={classNames.sectionTitle}>
        {title}
      </h3>
      {children}
    </section>
  );
};

/** One label and its value, inside a <dl>: the label beside the value while both fit, above it when not. */
export const Row: React.FC<{ label: string }> = ({ label, children }) => {
  const { classNames } = usePanel();
  return (
    <div className={classNames.evidenceRow}>
      <dt className={classNames.evidenceLabel}>{label}</dt>
      <dd className={classNames.evidenceValue}>{children}</dd>
    </div>
  );
};

/** A link to Microsoft Learn: a new tab, named for assistive technology after what it is about. */
export const LearnLink: React.FC<{ href: string; name: string; underline?: boolean }> = ({
  href,
  name,
  underline,
  children,
}) => (
  <Link underline={underline} href={href} target="_blank" rel="noopener noreferrer" aria-label={name}>
    {children}
  </Link>
);

/** Label and value pairs (evidence, timing, failed items): Dataverse text rendered as text. */
export const Rows: React.FC<{ rows: EvidenceRow[] }> = ({ rows }) => {
  const { classNames } = usePanel();
  return (
    <dl className={classNames.evidence}>
      {rows.map((row, i) => (
        <Row key={i} label={row.label}>
          {row.value}
        </Row>
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
        <LearnLink href={learnMoreUrl} name={strings.t('panel.aria.learnMore', { title })}>
          {strings.t('panel.check.learnMore')}
        </LearnLink>
      ) : null}
    </>
  );
};
