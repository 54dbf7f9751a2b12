import * as React from 'react';
import { count, fleetText } from '../strings.en';
import type { FleetClassNames } from './styles';

export interface BarRow {
  key: string;
  label: string;
  failing: number;
  warning: number;
  /** A third column in the text alternative (e.g. every mailbox on the profile). */
  total?: number;
}

/** A chart's title and note come from its name: `fleet.chart.<name>` and `fleet.chart.<name>.note`. */
export type ChartName = 'byCheck' | 'byProfile';

interface BarChartProps {
  id: string;
  chart: ChartName;
  rows: BarRow[];
  classNames: FleetClassNames;
}

/**
 * Failing and warning as horizontal bars, on one scale. The bars are drawn for the eye and hidden from screen readers;
 * a visually hidden table with the same numbers is the chart's text alternative.
 */
export const BarChart: React.FC<BarChartProps> = ({ id, chart, rows, classNames }) => {
  const title = fleetText(`fleet.chart.${chart}`);
  const note = fleetText(`fleet.chart.${chart}.note`);
  const max = Math.max(1, ...rows.map((r) => r.failing + r.warning));
  const withTotal = rows.some((r) => r.total !== undefined);
  const percent = (n: number) => `${(n / max) * 100}%`;
  return (
    <section className={classNames.chart} aria-labelledby={id} data-chart={id}>
      <h2 id={id} className={classNames.sectionTitle}>
        {title}
      </h2>
      <p className={classNames.note}>{note}</p>
      {rows.length === 0 ? (
        <p className={classNames.text}>{fleetText('fleet.chart.empty')}</p>
      ) : (
        <React.Fragment>
          <p className={classNames.legend} aria-hidden="true">
            <span className={classNames.legendItem}>
              <span className={`${classNames.swatch} ${classNames.barFail}`} />
              {fleetText('fleet.chart.column.failing')}
            </span>
            <span className={classNames.legendItem}>
              <span className={`${classNames.swatch} ${classNames.barWarn}`} />
              {fleetText('fleet.chart.column.warning')}
            </span>
          </p>
          <ul className={classNames.bars} aria-hidden="true">
            {rows.map((r) => (
              <li key={r.key} className={classNames.bar}>
                <span className={classNames.barLabel} title={r.label}>
                  {r.label}
                </span>
                <span className={classNames.barTrack}>
                  <span className={classNames.barFail} style={{ width: percent(r.failing) }} />
                  <span className={classNames.barWarn} style={{ width: percent(r.warning) }} />
                </span>
                <span className={classNames.barValue}>
                  {fleetText('fleet.chart.bar', { failing: count(r.failing), warning: count(r.warning) })}
                </span>
              </li>
            ))}
          </ul>
          {/* A table ignores a 1 px box, so the hiding box is a div around it. */}
          <div className={classNames.srOnly}>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{fleetText('fleet.chart.column.name')}</th>
                  <th scope="col">{fleetText('fleet.chart.column.failing')}</th>
                  <th scope="col">{fleetText('fleet.chart.column.warning')}</th>
                  {withTotal ? <th scope="col">{fleetText('fleet.chart.column.total')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{count(r.failing)}</td>
                    <td>{count(r.warning)}</td>
                    {withTotal ? <td>{count(r.total ?? 0)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </React.Fragment>
      )}
    </section>
  );
};
