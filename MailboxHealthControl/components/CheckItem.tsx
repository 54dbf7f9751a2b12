/** @jsx h */
/** @jsxFrag Fragment */
import * as React from 'react';
import { ActionButton, Link } from '@fluentui/react';
import type { Strings } from '../model/strings';
import type { StatusColours } from '../model/theme';
import type { CheckView } from '../model/viewModel';
import { AlertList } from './AlertList';
import type { PanelClassNames } from './styles';
import { StatusGlyph } from './StatusGlyph';
import { Fragment, h } from './h';

export interface CheckItemProps {
  check: CheckView;
  expanded: boolean;
  onToggle(id: CheckView['id']): void;
  strings: Strings;
  colours: StatusColours;
  classNames: PanelClassNames;
  idPrefix: string;
}

/** One check: status (shape + word), title, summary; the details (evidence, remedy, alerts, link) expand on demand. */
export const CheckItem: React.FC<CheckItemProps> = ({
  check,
  expanded,
  onToggle,
  strings,
  colours,
  classNames,
  idPrefix,
}) => {
  const base = `${idPrefix}-${check.id}`;
  const colour = colours[check.tone];
  return (
    <li
      className={check.startHere ? `${classNames.card} ${classNames.cardStartHere}` : classNames.card}
      style={{ borderLeftColor: colour }}
      aria-labelledby={`${base}-title`}
      data-check={check.id}
      data-status={check.status}
    >
      <div className={classNames.cardHead}>
        <StatusGlyph shape={check.status} colour={colour} className={classNames.glyph} />
        <div>
          <div className={classNames.cardTitleRow}>
            <h3 id={`${base}-title`} className={classNames.cardTitle}>
              {check.title}
            </h3>
            <span className={classNames.statusWord} style={{ color: colour }}>
              {check.statusLabel}
            </span>
            {check.startHere ? <span className={classNames.badge}>{strings.t('panel.check.startHere')}</span> : null}
          </div>
          <p className={classNames.summary}>{check.summary}</p>
        </div>
      </div>
      <ActionButton
        className={classNames.expander}
        aria-expanded={expanded}
        aria-controls={`${base}-details`}
        aria-describedby={`${base}-title`}
        onClick={() => onToggle(check.id)}
      >
        <span aria-hidden="true">{expanded ? '▾' : '▸'}&nbsp;</span>
        {strings.t(expanded ? 'panel.action.hideDetails' : 'panel.action.showDetails')}
      </ActionButton>
      <div id={`${base}-details`} className={classNames.details} hidden={!expanded}>
        {expanded ? (
          <>
            <h4 className={classNames.subTitle}>{strings.t('panel.check.evidence')}</h4>
            {check.evidence.length > 0 ? (
              <dl className={classNames.evidence}>
                {check.evidence.map((row, i) => (
                  <div key={i} className={classNames.evidenceRow}>
                    <dt className={classNames.evidenceLabel}>{row.label}</dt>
                    <dd className={classNames.evidenceValue}>{row.value}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className={classNames.summary}>{strings.t('panel.check.noEvidence')}</p>
            )}
            {check.alerts ? (
              <AlertList
                alerts={check.alerts}
                strings={strings}
                colours={colours}
                classNames={classNames}
                headingId={`${base}-alerts`}
              />
            ) : null}
            {check.remedy ? (
              <>
                <h4 className={classNames.subTitle}>{strings.t('panel.check.remedy')}</h4>
                <p className={classNames.remedy}>{check.remedy}</p>
              </>
            ) : null}
            {check.learnMoreUrl ? (
              <Link
                href={check.learnMoreUrl}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={strings.t('panel.aria.learnMore', { title: check.title })}
              >
                {strings.t('panel.check.learnMore')}
              </Link>
            ) : null}
          </>
        ) : null}
      </div>
    </li>
  );
};
