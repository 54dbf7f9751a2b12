/** @jsx h */
/** @jsxFrag Fragment */
import * as React from 'react';
import { ActionButton, Link } from '@fluentui/react';
import type { CheckView } from '../model/view-model';
import { AlertList } from './AlertList';
import { Advice, Rows } from './Details';
import { StatusGlyph } from './StatusGlyph';
import { Fragment, h } from './h';
import { usePanel } from './panel-context';

export interface CheckItemProps {
  check: CheckView;
  expanded: boolean;
  onToggle(id: CheckView['id']): void;
  /** Expands another check and moves focus to it (a symptom's "See <root cause>"). */
  onNavigate(id: CheckView['id']): void;
}

/** The id of a check's title: the target of "See <check>" (focusable by script, not a tab stop). */
export const checkTitleId = (idPrefix: string, id: CheckView['id']): string => `${idPrefix}-${id}-title`;

/** One check: status (shape + word), title, summary; the details (evidence, remedy, alerts, link) expand on demand. */
export const CheckItem: React.FC<CheckItemProps> = ({ check, expanded, onToggle, onNavigate }) => {
  const { strings, colours, classNames, idPrefix } = usePanel();
  const base = `${idPrefix}-${check.id}`;
  const colour = colours[check.tone];
  const cause = check.explainedBy;
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
            <h3 id={checkTitleId(idPrefix, check.id)} className={classNames.cardTitle} tabIndex={-1}>
              {check.title}
            </h3>
            <span className={classNames.statusWord} style={{ color: colour }}>
              {check.statusLabel}
            </span>
            {check.startHere ? <span className={classNames.badge}>{strings.t('panel.check.startHere')}</span> : null}
          </div>
          <p className={classNames.summary}>{check.summary}</p>
          {cause ? (
            <Link onClick={() => onNavigate(cause.id)}>
              {strings.t('panel.check.seeCause', { check: cause.title })}
            </Link>
          ) : null}
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
              <Rows rows={check.evidence} />
            ) : (
              <p className={classNames.summary}>{strings.t('panel.check.noEvidence')}</p>
            )}
            {check.alerts ? <AlertList alerts={check.alerts} headingId={`${base}-alerts`} /> : null}
            {check.items && check.items.length > 0 ? (
              <>
                <h4 className={classNames.subTitle}>
                  {strings.t('panel.items.heading', { count: check.items.length })}
                </h4>
                <Rows rows={check.items} />
              </>
            ) : null}
            <Advice remedy={check.remedy} learnMoreUrl={check.learnMoreUrl} title={check.title} />
          </>
        ) : null}
      </div>
    </li>
  );
};
