/** @jsx h */
import * as React from 'react';
import { Link } from '@fluentui/react';
import type { Strings } from '../model/strings';
import type { StatusColours } from '../model/theme';
import type { AlertView } from '../model/viewModel';
import type { PanelClassNames } from './styles';
import { StatusGlyph } from './StatusGlyph';
import { h } from './h';

/**
 * The alerts check's groups: level, message (Dataverse text, rendered as text), count, last seen, and the cause and fix
 * of a recognised alert, or the code and a Learn search for it of an unrecognised one.
 */
export const AlertList: React.FC<{
  alerts: AlertView[];
  strings: Strings;
  colours: StatusColours;
  classNames: PanelClassNames;
  headingId: string;
}> = ({ alerts, strings, colours, classNames, headingId }) => (
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
                <div className={classNames.evidenceRow}>
                  <dt className={classNames.evidenceLabel}>{strings.t('panel.alerts.cause')}</dt>
                  <dd className={classNames.evidenceValue}>{alert.recognised.cause}</dd>
                </div>
                <div className={classNames.evidenceRow}>
                  <dt className={classNames.evidenceLabel}>{strings.t('panel.alerts.fix')}</dt>
                  <dd className={classNames.evidenceValue}>
                    {alert.recognised.fix}{' '}
                    {alert.recognised.learnMoreUrl ? (
                      // Inside the fix's sentence a link must differ by more than colour (WCAG 1.4.1, axe
                      // link-in-text-block): underlined.
                      <Link
                        underline
                        href={alert.recognised.learnMoreUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label={strings.t('panel.aria.learnMore', { title: alert.recognised.cause })}
                      >
                        {strings.t('panel.check.learnMore')}
                      </Link>
                    ) : null}
                  </dd>
                </div>
              </dl>
            ) : alert.search ? (
              <dl className={classNames.evidence}>
                <div className={classNames.evidenceRow}>
                  <dt className={classNames.evidenceLabel}>{strings.t('alerts.code')}</dt>
                  <dd className={classNames.evidenceValue}>{alert.search.code}</dd>
                </div>
                <div className={classNames.evidenceRow}>
                  <dt className={classNames.evidenceLabel}>{strings.t('panel.alerts.learn')}</dt>
                  <dd className={classNames.evidenceValue}>
                    <Link
                      href={alert.search.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={strings.t('panel.aria.searchLearn', { code: alert.search.code })}
                    >
                      {strings.t('alerts.searchLearn')}
                    </Link>
                  </dd>
                </div>
              </dl>
            ) : null}
          </li>
        ))}
      </ul>
    )}
  </div>
);
