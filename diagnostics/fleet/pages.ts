/**
 * The scan's streams of FetchXML pages, continued by paging cookie and read one ahead. Dataverse refuses a whole query
 * that joins a table the caller may not read; the first page is then asked for again without that join, and the
 * refusal is kept for the checks that need the table.
 */
import { deniedTable } from '../errors';
import { failed } from '../input';
import {
  fetchXmlPageOptions,
  nextFetchXmlPage,
  type DataverseRecord,
  type FetchXmlPaging,
  type RetrieveMultipleResult,
  type WebApiPort,
} from '../port';
import { type OwnerTable } from '../queries';
import { attempt, readFiltering } from './context';
import type { OwnerSources } from './rows';

/** What Dataverse's PrivilegeDenied names: "… is missing prvReadUser privilege … for entity 'systemuser'". */
/** The joined table a refusal names, when it is one the scan can do without. */
function refusedJoin(thrown: unknown, joins: ReadonlySet<OwnerTable>): OwnerTable | null {
  const table = deniedTable(thrown) as OwnerTable | null;
  return table !== null && joins.has(table) ? table : null;
}

/**
 * The first mailbox page. Dataverse refuses a whole query that joins a table the caller may not read; the refusal is
 * kept for that table's inputs and the page asked for again without the join (the user join carries the user settings
 * join, which are then read on their own).
 */
export async function firstPage(
  port: WebApiPort,
  stream: FleetStream,
  sources: OwnerSources,
  pageSize: number,
): Promise<RetrieveMultipleResult> {
  for (;;) {
    try {
      return await port.retrieveMultipleRecords(
        stream.table,
        fetchXmlPageOptions(stream.fetch(sources.joins), pageSize),
      );
    } catch (thrown) {
      const table = refusedJoin(thrown, sources.joins);
      if (table === null) throw thrown;
      const refusal = failed<never>(table, thrown);
      if (!refusal.ok) sources.refused.set(table, refusal.failure);
      sources.joins.delete(table);
      if (table === 'systemuser' && sources.joins.delete('usersettings') && !sources.refused.has('usersettings')) {
        sources.settings = await attempt('usersettings', () => readFiltering(port, pageSize));
      }
    }
  }
}

/** One of the scan's two streams of FetchXML pages: its table and its query, given the joins Dataverse allows. */
export interface FleetStream {
  table: 'tracelog' | 'mailbox';
  fetch(joins: ReadonlySet<OwnerTable>): string;
}

export interface PageNode {
  entities: DataverseRecord[];
  /** The following page: requested as soon as this one arrived, provided the one before was consumed. */
  next?: Promise<PageNode>;
  consumed(): void;
}

/**
 * Mailbox pages, one ahead: page k+1 is requested (with page k's paging cookie) the moment page k arrives, so the
 * server works while the engine evaluates, but not before page k-1 has been consumed — at most two pages are held,
 * whatever the fleet's size.
 */
export function pagePipeline(
  first: Promise<RetrieveMultipleResult>,
  read: (paging: FetchXmlPaging) => Promise<RetrieveMultipleResult>,
): Promise<PageNode> {
  const node = (page: Promise<RetrieveMultipleResult>, previousConsumed: Promise<void>): Promise<PageNode> =>
    page.then((result) => {
      let consumed!: () => void;
      const done = new Promise<void>((resolve) => (consumed = resolve));
      const paging = result.fetchXmlPagingCookie !== undefined ? nextFetchXmlPage(result.fetchXmlPagingCookie) : null;
      const next = paging ? previousConsumed.then(() => node(read(paging), done)) : undefined;
      next?.catch(() => undefined);
      return { entities: result.entities, ...(next ? { next } : {}), consumed };
    });
  const head = node(first, Promise.resolve());
  head.catch(() => undefined);
  return head;
}

/** The rows of a pipeline of pages, each page let go of once its rows have been taken. */
export async function* pageRows(
  first: Promise<PageNode>,
  onPage: (more: boolean) => void,
): AsyncGenerator<DataverseRecord> {
  for (let node: PageNode | undefined = await first; node;) {
    for (let i = 0; i < node.entities.length; i++) yield node.entities[i];
    // Let go of the page (and of the chain to the next), so nothing keeps consumed pages alive.
    const next: Promise<PageNode> | undefined = node.next;
    node.entities = [];
    delete node.next;
    node.consumed();
    onPage(next !== undefined);
    node = next ? await next : undefined;
  }
}
