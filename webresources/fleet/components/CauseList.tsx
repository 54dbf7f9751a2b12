import * as React from 'react';
import { ActionButton, FocusZone, FocusZoneDirection, Link, List, SearchBox } from '@fluentui/react';
import type { Verdict } from '../../../diagnostics';
import type { StatusColours } from '../../../MailboxHealthControl/model/theme';
import { StatusGlyph, type GlyphShape } from '../../../MailboxHealthControl/components/StatusGlyph';
import { causeTitle } from '../../../cli/scan-report';
import type { CauseGroup, FleetRow } from '../fleet-view';
import type { FleetHost } from '../host';
import { count, fleetText, type FleetKey } from '../strings.en';
import type { FleetClassNames } from './styles';

export type SortKey = 'verdict' | 'name' | 'address' | 'profile';
export type VerdictFilter = 'all' | 'failing' | 'warning' | 'unknown';

export interface ListOptions {
  text: string;
  verdict: VerdictFilter;
  sort: SortKey;
  collapsed: ReadonlySet<string>;
}

export type ListItem =
  { kind: 'group'; group: CauseGroup; shown: number } | { kind: 'row'; row: FleetRow; group: CauseGroup };

export const VERDICT_SHAPE: Record<Exclude<Verdict, 'healthy'>, GlyphShape> = {
  failing: 'fail',
  warning: 'warn',
  unknown: 'error',
};

const RANK = { failing: 0, unknown: 1, warning: 2, healthy: 3 };
const label = (row: FleetRow) => row.name ?? row.id;
const byText = (a: string | null, b: string | null) =>
  (a ?? '\uffff').localeCompare(b ?? '\uffff', undefined, { sensitivity: 'base' });

const COMPARE: Record<SortKey, (a: FleetRow, b: FleetRow) => number> = {
  verdict: (a, b) => RANK[a.overall] - RANK[b.overall] || byText(label(a), label(b)),
  name: (a, b) => byText(label(a), label(b)),
  address: (a, b) => byText(a.emailAddress, b.emailAddress) || byText(label(a), label(b)),
  profile: (a, b) => byText(a.profile, b.profile) || byText(label(a), label(b)),
};

/** The flat list the virtualized List shows: each group's header, then its rows that pass the filter, sorted. */
export function listItems(
  groups: readonly CauseGroup[],
  options: ListOptions,
): { items: ListItem[]; shown: number; total: number } {
  const needle = options.text.trim().toLowerCase();
  const matches = (row: FleetRow) =>
    (options.verdict === 'all' || row.overall === options.verdict) &&
    (needle === '' ||
      [row.name, row.emailAddress, row.profile].some(
        (value) => value !== null && value.toLowerCase().includes(needle),
      ));
  const items: ListItem[] = [];
  let shown = 0;
  let total = 0;
  for (const group of groups) {
    total += group.rows.length;
    const rows = group.rows.filter(matches).sort(COMPARE[options.sort]);
    if (rows.length === 0) continue;
    shown += rows.length;
    items.push({ kind: 'group', group, shown: rows.length });
    if (!options.collapsed.has(group.key)) for (const row of rows) items.push({ kind: 'row', row, group });
  }
  return { items, shown, total };
}

function groupShape(group: CauseGroup): GlyphShape {
  return group.failing > 0 ? 'fail' : group.warning > 0 ? 'warn' : 'error';
}

function groupTitle(group: CauseGroup): string {
  return causeTitle(group, {
    noCheck: fleetText('fleet.verdict.unknown'),
    couldNotCheck: (check) => fleetText('fleet.group.unknown', { check }),
  });
}

interface CauseListProps {
  groups: CauseGroup[];
  host: Pick<FleetHost, 'openMailbox' | 'recordUrl'>;
  classNames: FleetClassNames;
  status: StatusColours;
  idPrefix: string;
}

const VERDICT_FILTERS: VerdictFilter[] = ['all', 'failing', 'warning', 'unknown'];

/** A choice's words come from its name: its label `fleet.list.<name>`, each option `fleet.list.<name>.<value>`. */
interface ChoiceProps<T extends string> {
  name: 'verdict' | 'sort';
  value: T;
  values: readonly T[];
  onChange: (value: T) => void;
  idPrefix: string;
  classNames: FleetClassNames;
}

/** A labelled native select: small, and a screen reader and the keyboard know it as it is. */
function Choice<T extends string>({ name, value, values, onChange, idPrefix, classNames }: ChoiceProps<T>) {
  const id = `${idPrefix}-${name}`;
  return (
    <div className={classNames.control}>
      <label className={classNames.label} htmlFor={id}>
        {fleetText(`fleet.list.${name}`)}
      </label>
      <select
        id={id}
        className={classNames.select}
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {values.map((option) => (
          <option key={option} value={option}>
            {fleetText(`fleet.list.${name}.${option}` as FleetKey)}
          </option>
        ))}
      </select>
    </div>
  );
}
const SORTS: SortKey[] = ['verdict', 'name', 'address', 'profile'];

/**
 * The mailboxes that are not healthy, grouped by cause, largest group first: each group's header carries its fix once,
 * then its mailboxes (a virtualized list, so thousands stay quick). Filter by text and verdict, sort within groups.
 * Arrow keys move between the group toggles and the mailboxes (one tab stop for the list).
 */
export const CauseList: React.FC<CauseListProps> = ({ groups, host, classNames, status, idPrefix }) => {
  const [text, setText] = React.useState('');
  const [verdict, setVerdict] = React.useState<VerdictFilter>('all');
  const [sort, setSort] = React.useState<SortKey>('verdict');
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(() => new Set());
  const { items, shown, total } = React.useMemo(
    () => listItems(groups, { text, verdict, sort, collapsed }),
    [groups, text, verdict, sort, collapsed],
  );
  const colour: Record<Exclude<Verdict, 'healthy'>, string> = {
    failing: status.danger,
    warning: status.warning,
    unknown: status.neutral,
  };

  const toggle = (key: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const renderGroup = (group: CauseGroup, matching: number) => {
    const open = !collapsed.has(group.key);
    const headingId = `${idPrefix}-group-${encodeURIComponent(group.key).replace(/%/g, '')}`;
    const shape = groupShape(group);
    return (
      <div className={classNames.group} data-group={group.check ?? ''} data-group-kind={group.kind}>
        <h3 id={headingId} className={classNames.groupTitle}>
          <StatusGlyph
            shape={shape}
            colour={shape === 'fail' ? status.danger : shape === 'warn' ? status.warning : status.neutral}
            className={classNames.glyph}
          />
          <span>{groupTitle(group)}</span>
          <span className={classNames.groupCount}>
            {group.rows.length === 1
              ? fleetText('fleet.group.count.one')
              : fleetText('fleet.group.count', { count: count(group.rows.length) })}
          </span>
        </h3>
        <p className={classNames.note}>
          {(['failing', 'warning', 'unknown'] as const)
            .filter((verdict) => group[verdict] > 0)
            .map((verdict) => fleetText(`fleet.group.part.${verdict}`, { count: count(group[verdict]) }))
            .join(', ')}
          {matching !== group.rows.length
            ? ` · ${fleetText('fleet.group.matches', { shown: count(matching), count: count(group.rows.length) })}`
            : ''}
        </p>
        <p className={classNames.text}>
          <strong>{fleetText('fleet.group.fix')}: </strong>
          <span data-fix="">{group.fix ?? fleetText('fleet.group.noFix')}</span>
          {group.learnMoreUrl ? (
            <React.Fragment>
              {' '}
              <Link
                className={classNames.inlineLink}
                href={group.learnMoreUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                {fleetText('fleet.group.learnMore')}
              </Link>
            </React.Fragment>
          ) : null}
        </p>
        <ActionButton
          className={classNames.groupToggle}
          iconProps={{ iconName: open ? 'ChevronUp' : 'ChevronDown' }}
          aria-expanded={open}
          aria-describedby={headingId}
          onClick={() => toggle(group.key)}
        >
          {fleetText(open ? 'fleet.group.hide' : 'fleet.group.show')}
        </ActionButton>
      </div>
    );
  };

  const renderRow = (row: FleetRow) => {
    const name = label(row);
    const verdictKey = `fleet.verdict.${row.overall}` as FleetKey;
    return (
      <div className={classNames.mailbox} data-mailbox-id={row.id} data-verdict={row.overall}>
        <StatusGlyph
          shape={VERDICT_SHAPE[row.overall as Exclude<Verdict, 'healthy'>]}
          colour={colour[row.overall as Exclude<Verdict, 'healthy'>]}
          className={classNames.glyph}
        />
        <div className={classNames.mailboxMain}>
          {host.openMailbox ? (
            <Link
              className={classNames.mailboxName}
              title={fleetText('fleet.row.open', { name })}
              onClick={() => void host.openMailbox?.(row.id)}
            >
              {name}
            </Link>
          ) : (
            <Link
              className={classNames.mailboxName}
              title={fleetText('fleet.row.openInTab', { name })}
              href={host.recordUrl(row.id)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {name}
            </Link>
          )}
          <span className={classNames.mailboxAddress}>{row.emailAddress ?? fleetText('fleet.row.noAddress')}</span>
          {row.summary ? <p className={classNames.mailboxSummary}>{row.summary}</p> : null}
        </div>
        <div className={classNames.mailboxMeta}>
          <span className={classNames.verdict}>{fleetText(verdictKey)}</span>
          <span>{fleetText('fleet.row.profile', { profile: row.profile ?? fleetText('fleet.profile.none') })}</span>
        </div>
      </div>
    );
  };
  const choiceHost = { idPrefix, classNames };

  return (
    <React.Fragment>
      <div className={classNames.controls} role="search" aria-label={fleetText('fleet.list.filter')}>
        <div className={classNames.search}>
          <label className={classNames.label} htmlFor={`${idPrefix}-filter`}>
            {fleetText('fleet.list.filter')}
          </label>
          <SearchBox id={`${idPrefix}-filter`} value={text} onChange={(_event, value) => setText(value ?? '')} />
        </div>
        <Choice name="verdict" value={verdict} values={VERDICT_FILTERS} onChange={setVerdict} {...choiceHost} />
        <Choice name="sort" value={sort} values={SORTS} onChange={setSort} {...choiceHost} />
      </div>
      <p className={classNames.status} role="status" aria-live="polite">
        {fleetText('fleet.list.shown', { shown: count(shown), count: count(total) })}
      </p>
      {items.length === 0 ? (
        <p className={classNames.empty}>{fleetText('fleet.list.noMatch')}</p>
      ) : (
        <FocusZone direction={FocusZoneDirection.vertical} className={classNames.list} data-is-scrollable="true">
          <List
            items={items}
            aria-label={fleetText('fleet.list.label')}
            getKey={(item: ListItem) => (item.kind === 'group' ? `g:${item.group.key}` : `m:${item.row.id}`)}
            onRenderCell={(item?: ListItem) =>
              item === undefined
                ? null
                : item.kind === 'group'
                  ? renderGroup(item.group, item.shown)
                  : renderRow(item.row)
            }
          />
        </FocusZone>
      )}
    </React.Fragment>
  );
};
