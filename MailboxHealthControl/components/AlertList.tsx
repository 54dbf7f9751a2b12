/** @jsx h */
import * as React from 'react';
import type { AlertView } from '../model/view-model';
import { LearnLink, Row } from './Details';
import { StatusGlyph } from './StatusGlyph';
import { h } from './h';
import { usePanel } from './panel-context';

/**
 * The alerts check's groups: level, message (Dataverse text, rendered as text), count, last seen, and the cause and fix
 * of a recognised alert, or the code and a Learn search for it of an unrecognised one.
 */
export const AlertList: React.FC<{
  alerts: AlertView[];
  headingId: string;
}> = ({ alerts, headingId }) => {
  const { strings, colours, classNames } = usePanel();
  return (
    <div className={classNames.section}>
      <h4 id={headingId} className={classNames.subTitle}>
        {strings.t('panel.alerts.heading', { count: alerts.length })}
      </h4>
      {alerts.length === 0 ? (
        <p className={classNames.summary}>{strings.t('panel.alerts.none')}</p>
      ) : (
        <ul className={classNames.list} aria-labelledby={headingId}>
          {alerts.map((alert, i) => (
            <li key={i} className={classNames.alert}>
              <span className={classNames.alertHead} style={{ color: colours[alert.tone] }}>
                <StatusGlyph shape={alert.shape} colour={colours[alert.tone]} />
                <span>{alert.levelLabel}</span>
              </span>
              <p className={classNames.alertText}>{alert.text}</p>
              <span className={classNames.alertMeta}>
                {alert.countLabel} · {alert.lastSeenLabel}
                {alert.stateLabel ? ` · ${alert.stateLabel}` : ''}
                {alert.onProfile ? ` · ${strings.t('panel.alerts.onProfile')}` : ''}
              </span>
              {alert.details ? <p className={classNames.alertDetails}>{alert.details}</p> : null}
              {alert.recognised ? (
                <dl className={classNames.evidence}>
                  <Row label={strings.t('panel.alerts.cause')}>{alert.recognised.cause}</Row>
                  <Row label={strings.t('panel.alerts.fix')}>
                    {alert.recognised.fix}{' '}
                    {alert.recognised.learnMoreUrl ? (
                      // Inside the fix's sentence a link must differ by more than colour (WCAG 1.4.1, axe
                      // link-in-text-block): underlined.
                      <LearnLink
                        underline
                        href={alert.recognised.learnMoreUrl}
                        name={strings.t('panel.aria.learnMore', { title: alert.recognised.cause })}
                      >
                        {strings.t('panel.check.learnMore')}
                      </LearnLink>
                    ) : null}
                  </Row>
                </dl>
              ) : alert.search ? (
                <dl className={classNames.evidence}>
                  <Row label={strings.t('alerts.code')}>{alert.search.code}</Row>
                  <Row label={strings.t('panel.alerts.learn')}>
                    <LearnLink
                      href={alert.search.url}
                      name={strings.t('panel.aria.searchLearn', { code: alert.search.code })}
                    >
                      {strings.t('alerts.searchLearn')}
                    </LearnLink>
                  </Row>
                </dl>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
