/**
 * Property-based tests of the engine: records generated from Microsoft's schema (every column of the tables the
 * engine reads present with a valid value, null, absent, of the wrong type, or holding an option value the schema does
 * not know; lookups with or without their type annotation), each table loaded or failed for any reason. Whatever the
 * data, no check throws, a diagnosis returns every check of CHECK_ORDER in that order, and the verdict follows the rule.
 *
 * The seed is fixed so every run of `npm test` sees the same inputs; FC_SEED=<integer> runs others. A failure names the
 * seed and the command that replays it.
 */
import fc from 'fast-check';
import { CHECKS } from '../../diagnostics/checks';
import {
  CHECK_ORDER,
  diagnoseMailbox,
  en,
  evaluate,
  formatMessage,
  FORMATTED_VALUE,
  LOOKUP_LOGICAL_NAME,
  renderReport,
  renderReportJson,
  type DataverseRecord,
  type DataverseValue,
  type DiagnosisInput,
  type DiagnosisReport,
  type FailureKind,
  type Loaded,
  type ReadFailure,
  type RetrieveMultipleResult,
  type TableName,
  type WebApiPort,
} from '../../diagnostics';
import type { OwnerFiltering } from '../../diagnostics/input';
import type { SchemaColumn } from '../../simulator/strictness';
import { dataverseSchema } from '../../simulator/schema';

const DEFAULT_SEED = 20261127;
const NUM_RUNS = 1000;

function seedFromEnvironment(): number {
  const raw = process.env.FC_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, not '${raw}'.`);
  return seed;
}

const SEED = seedFromEnvironment();

function replayable(error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`${reason}\n\nReplay with: FC_SEED=${SEED} npx jest test/engine/property.test.ts`);
}

/** fc.assert with the run's seed; a failure says how to replay it. */
function check<T>(property: fc.IProperty<T>): void {
  try {
    fc.assert(property, { seed: SEED, numRuns: NUM_RUNS });
  } catch (error) {
    throw replayable(error);
  }
}

async function checkAsync<T>(property: fc.IAsyncProperty<T>): Promise<void> {
  try {
    await fc.assert(property, { seed: SEED, numRuns: NUM_RUNS });
  } catch (error) {
    throw replayable(error);
  }
}

const schema = dataverseSchema();
const LOOKUP_TYPES = new Set(['lookup', 'owner', 'customer']);
const OPTION_TYPES = new Set(['picklist', 'state', 'status', 'boolean']);

/** The property a column is read by in the Web API: lookups as _x_value. */
function propertyName(name: string, column: SchemaColumn): string {
  return column.webApiName ?? (column.type != null && LOOKUP_TYPES.has(column.type) ? `_${name}_value` : name);
}

const isoDate = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  { weight: 1, arbitrary: fc.constant('9999-12-31T23:59:59Z') },
  { weight: 1, arbitrary: fc.constantFrom('not a date', '', '2026-13-45T99:99:99Z') },
);

const wrongType: fc.Arbitrary<DataverseValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }).map((values) => values.map((value) => ({ value }))),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

function optionValues(column: SchemaColumn): number[] {
  return Object.keys(column.options ?? {})
    .map(Number)
    .filter(Number.isFinite);
}

function validValue(column: SchemaColumn): fc.Arbitrary<DataverseValue> {
  const known = optionValues(column);
  switch (column.type) {
    case 'boolean':
      return fc.boolean();
    case 'picklist':
    case 'state':
    case 'status':
      return known.length > 0 ? fc.constantFrom(...known) : fc.integer({ min: 0, max: 10 });
    case 'integer':
    case 'bigint':
      return fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: -1, max: 100_000 }));
    case 'decimal':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'datetime':
      return isoDate;
    case 'uniqueidentifier':
    case 'lookup':
    case 'owner':
    case 'customer':
      return fc.uuid();
    default:
      return fc.string({ maxLength: 40 });
  }
}

/** An option value the schema does not list (a newer platform version, or a customised option set). */
function unknownOption(column: SchemaColumn): fc.Arbitrary<DataverseValue> | undefined {
  if (column.type == null || !OPTION_TYPES.has(column.type) || column.type === 'boolean') return undefined;
  const known = new Set(optionValues(column));
  return fc.integer({ min: -5, max: 1_000_000_000 }).filter((value) => !known.has(value));
}

function columnValue(column: SchemaColumn): fc.Arbitrary<DataverseValue> {
  const unknown = unknownOption(column);
  return fc.oneof(
    { weight: 6, arbitrary: validValue(column) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongType },
    ...(unknown ? [{ weight: 1, arbitrary: unknown }] : []),
  );
}

/** A row of `table`: every column (and, for lookups and options, its annotation) present, null, absent, or odd. */
function recordOf(table: string): fc.Arbitrary<DataverseRecord> {
  const definition = schema.table(table);
  if (!definition) throw new Error(`The schema has no table ${table}.`);
  const model: Record<string, fc.Arbitrary<DataverseValue>> = {};
  for (const [name, column] of Object.entries(definition.columns)) {
    const property = propertyName(name, column);
    model[property] = columnValue(column);
    if (column.type != null && LOOKUP_TYPES.has(column.type)) {
      model[`${property}${LOOKUP_LOGICAL_NAME}`] = fc.oneof(
        fc.constantFrom(...(column.targets ?? []), 'contact', ''),
        wrongType,
      );
    }
    if (column.type != null && OPTION_TYPES.has(column.type)) {
      model[`${property}${FORMATTED_VALUE}`] = fc.oneof(fc.string({ maxLength: 20 }), wrongType);
    }
  }
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<DataverseRecord>;
}

const TABLES: readonly TableName[] = [
  'mailbox',
  'emailserverprofile',
  'tracelog',
  'organization',
  'usersettings',
  'queue',
  'contact',
  'account',
  'lead',
  'systemuser',
  'exchangesyncidmapping',
];
const KINDS: readonly (FailureKind | 'depends')[] = [
  'privilege',
  'throttled',
  'not-found',
  'bad-request',
  'network',
  'server',
  'bad-answer',
  'unknown',
  'depends',
];

const failure: fc.Arbitrary<ReadFailure> = fc.record(
  {
    table: fc.constantFrom(...TABLES),
    kind: fc.constantFrom(...KINDS),
    detail: fc.string({ maxLength: 40 }),
    code: fc.constantFrom('0x80040220', '0x80040217', '0x80072322', '0x8004e023'),
    dependsOn: fc.constantFrom(...TABLES),
  },
  { requiredKeys: ['table', 'kind', 'detail'] },
);

function loadedOr<T>(value: fc.Arbitrary<T>): fc.Arbitrary<Loaded<T>> {
  return fc.oneof(
    { weight: 4, arbitrary: value.map((v): Loaded<T> => ({ ok: true, value: v })) },
    { weight: 1, arbitrary: failure.map((f): Loaded<T> => ({ ok: false, failure: f })) },
  );
}

const ownerFiltering: fc.Arbitrary<OwnerFiltering | null> = fc.option(
  fc.record(
    {
      kind: fc.constantFrom('systemuser' as const, 'queue' as const, 'unknown' as const),
      filteringMethod: fc.option(
        fc.oneof(
          fc.constantFrom(...optionValues(schema.table('queue')!.columns.incomingemailfilteringmethod)),
          fc.integer(),
        ),
        { nil: null },
      ),
      filteringLabel: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: ['kind', 'filteringMethod'] },
  ),
  { nil: null },
);

const diagnosisInput: fc.Arbitrary<DiagnosisInput> = fc.record(
  {
    mailboxId: fc.uuid(),
    now: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }),
    mailbox: loadedOr(recordOf('mailbox')),
    organization: loadedOr(recordOf('organization')),
    profile: loadedOr(fc.option(recordOf('emailserverprofile'), { nil: null })),
    alerts: loadedOr(fc.array(recordOf('tracelog'), { maxLength: 4 })),
    profileMailboxCount: loadedOr(
      fc.option(fc.oneof(fc.nat({ max: 20_000 }), fc.integer(), fc.constant(50_000)), { nil: null }),
    ),
    profileMailboxCountIsLowerBound: fc.boolean(),
    ownerFiltering: loadedOr(ownerFiltering),
    owner: loadedOr(
      fc.option(
        fc.oneof(
          recordOf('systemuser').map((row) => ({ kind: 'systemuser' as const, row })),
          recordOf('queue').map((row) => ({ kind: 'queue' as const, row })),
        ),
        { nil: null },
      ),
    ),
    profileOverdueCount: loadedOr(fc.option(fc.oneof(fc.nat({ max: 20_000 }), fc.integer()), { nil: null })),
    forwardMailboxAvailable: loadedOr(fc.option(fc.boolean(), { nil: null })),
    // A single diagnosis's rows (count = their number), or a fleet scan's count without rows.
    itemFailures: loadedOr(
      fc.oneof(
        fc.array(recordOf('exchangesyncidmapping'), { maxLength: 3 }).map((rows) => ({ count: rows.length, rows })),
        fc.nat({ max: 500 }).map((count) => ({ count, rows: [] })),
      ),
    ),
    itemVisibility: fc.constantFrom('all' as const, 'unknown' as const),
    caller: fc.record({
      userId: fc.option(fc.uuid(), { nil: null }),
      systemAdministrator: fc.option(fc.boolean(), { nil: null }),
    }),
  },
  {
    requiredKeys: [
      'mailboxId',
      'now',
      'mailbox',
      'organization',
      'profile',
      'alerts',
      'profileMailboxCount',
      'ownerFiltering',
      'owner',
      'profileOverdueCount',
      'forwardMailboxAvailable',
      'itemFailures',
      'itemVisibility',
    ],
  },
);

/** Anything a host's Web API might resolve with instead of a record or a result set. */
const oddAnswer: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.constant([]),
  fc.constant({ entities: null }),
  fc.constant({ value: [] }),
);

/** Failures as hosts throw them: Xrm's {errorCode, message}, an HTTP adapter's {status, error}, an Error, a string. */
const thrown: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ errorCode: fc.constantFrom(2147746336, 2147746327, -2147220960), message: fc.string({ maxLength: 20 }) }),
  fc.record({
    status: fc.constantFrom(400, 403, 404, 500, 200),
    error: fc.record({
      code: fc.constantFrom('0x80040220', '0x80060888', 'nonsense'),
      message: fc.string({ maxLength: 20 }),
    }),
  }),
  fc.string({ maxLength: 20 }).map((text) => new Error(text)),
  fc.string({ maxLength: 20 }),
  fc.constant(undefined),
);

type Answer<T> = { resolve: T } | { reject: unknown };

function answerOr<T>(good: fc.Arbitrary<T>): fc.Arbitrary<Answer<unknown>> {
  return fc.oneof(
    { weight: 4, arbitrary: good.map((resolve): Answer<unknown> => ({ resolve })) },
    { weight: 1, arbitrary: oddAnswer.map((resolve): Answer<unknown> => ({ resolve })) },
    { weight: 1, arbitrary: thrown.map((reject): Answer<unknown> => ({ reject })) },
  );
}

/** What the generated host answers, per table: one record for retrieveRecord, one page for retrieveMultipleRecords. */
const READ_TABLES = [
  'mailbox',
  'emailserverprofile',
  'usersettings',
  'queue',
  'organization',
  'tracelog',
  'systemuser',
  'exchangesyncidmapping',
] as const;
const hostAnswers = fc.record({
  records: fc.record(
    Object.fromEntries(READ_TABLES.map((table) => [table, answerOr(recordOf(table))])) as Record<
      (typeof READ_TABLES)[number],
      fc.Arbitrary<Answer<unknown>>
    >,
  ),
  pages: fc.record(
    Object.fromEntries(
      READ_TABLES.map((table) => [
        table,
        answerOr(fc.array(recordOf(table), { maxLength: 3 }).map((entities) => ({ entities }))),
      ]),
    ) as Record<(typeof READ_TABLES)[number], fc.Arbitrary<Answer<unknown>>>,
  ),
});

function hostPort(answers: {
  records: Record<string, Answer<unknown>>;
  pages: Record<string, Answer<unknown>>;
}): WebApiPort {
  const settle = (answer: Answer<unknown> | undefined) =>
    answer === undefined
      ? Promise.reject({ status: 404, error: { message: 'no such table' } })
      : 'reject' in answer
        ? Promise.reject(answer.reject)
        : Promise.resolve(answer.resolve);
  return {
    retrieveRecord: (table) => settle(answers.records[table]) as Promise<DataverseRecord>,
    retrieveMultipleRecords: (table) => settle(answers.pages[table]) as Promise<RetrieveMultipleResult>,
    updateRecord: () => Promise.reject(new Error('a diagnosis never writes')),
  };
}

function expectVerdictRule(report: DiagnosisReport): void {
  const statuses = report.checks.map((c) => c.status);
  const expected = statuses.includes('fail')
    ? 'failing'
    : statuses.includes('warn')
      ? 'warning'
      : statuses.includes('error')
        ? 'unknown'
        : 'healthy';
  expect(report.overall).toBe(expected);
  const first = report.checks.find((c) => c.status === 'fail') ?? report.checks.find((c) => c.status === 'warn');
  // A symptom hands "Start here" to the check carrying its root cause, when that check fails or warns too.
  const cause = first?.explainedBy
    ? report.checks.find((c) => c.id === first.explainedBy && (c.status === 'fail' || c.status === 'warn'))
    : undefined;
  expect(report.startHere).toBe((cause ?? first)?.id ?? null);
  if (report.startHere !== null)
    expect(['fail', 'warn']).toContain(report.checks.find((c) => c.id === report.startHere)?.status);
}

describe(`engine properties (seed ${SEED}, ${NUM_RUNS} generated inputs each)`, () => {
  it('no check throws on any data: each returns its own id and a status, and an error says why', () => {
    check(
      fc.property(diagnosisInput, (input) => {
        for (const id of CHECK_ORDER) {
          const result = CHECKS[id](input);
          expect(result.id).toBe(id);
          expect(['pass', 'warn', 'fail', 'info', 'skipped', 'error']).toContain(result.status);
          const summary = formatMessage(result.summary, en);
          expect(summary.trim()).not.toBe('');
          if (result.status === 'error') expect(summary).toMatch(/^Could not check: \S/);
        }
      }),
    );
  });

  it('a diagnosis never throws, returns every check in CHECK_ORDER, and follows the verdict rule', () => {
    check(
      fc.property(diagnosisInput, (input) => {
        const report = evaluate(input, 'https://contoso.crm.dynamics.com');
        expect(report.checks.map((c) => c.id)).toEqual([...CHECK_ORDER]);
        expectVerdictRule(report);
        // Every surface renders the report: none of the renderings may throw either.
        expect(renderReport(report, 'text', { catalogue: en }).length).toBeGreaterThan(0);
        expect(renderReport(report, 'markdown', { catalogue: en }).length).toBeGreaterThan(0);
        expect(JSON.parse(JSON.stringify(renderReportJson(report, { catalogue: en }))).checks).toHaveLength(
          CHECK_ORDER.length,
        );
      }),
    );
  });

  it('whatever a host answers or throws, diagnoseMailbox resolves with every check, each error saying why', async () => {
    await checkAsync(
      fc.asyncProperty(fc.uuid(), hostAnswers, async (mailboxId, answers) => {
        const report = await diagnoseMailbox(hostPort(answers), mailboxId, {
          now: () => new Date('2026-11-27T12:00:00Z'),
          sleep: async () => undefined,
          maxAttempts: 1,
        });
        expect(report.checks.map((c) => c.id)).toEqual([...CHECK_ORDER]);
        expectVerdictRule(report);
        // The reasons are ours, never a JavaScript error from reading an odd answer.
        expect(renderReport(report, 'text', { catalogue: en })).not.toMatch(
          /TypeError|Cannot read properties|is not a function|is not iterable/,
        );
        for (const result of report.checks.filter((c) => c.status === 'error')) {
          const summary = formatMessage(result.summary, en);
          expect(summary).toMatch(/^Could not check: \S/);
          expect(summary).not.toContain('undefined');
        }
      }),
    );
  });
});
