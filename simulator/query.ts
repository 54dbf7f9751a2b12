/**
 * Parses the query options a Web API request carries (`$select`, `$filter`, `$orderby`, `$top`, `$expand`,
 * `$count`, `fetchXml`) into a tree. One parser serves two purposes: schema strictness walks the tree to check every
 * name against Microsoft's schema, and the sandbox's emulator evaluates it. Only the OData subset the product needs
 * is understood; anything else is a QuerySyntaxError, which the emulator answers as Dataverse answers bad syntax.
 */
import { isGuid, unescapeXml } from '../diagnostics';

export class QuerySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

export type Literal = string | number | boolean | null;

export type FilterNode =
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'compare'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; left: Operand; right: Operand }
  | { type: 'call'; name: string; args: Operand[] }
  | { type: 'crmFunction'; name: string; property: string; values: Literal[] }
  | { type: 'lambda'; navigation: string; quantifier: 'any' | 'all'; variable: string; predicate: FilterNode | null };

export type Operand =
  | { type: 'property'; path: string[] }
  | { type: 'literal'; value: Literal }
  | { type: 'call'; name: string; args: Operand[] };

export interface OrderBy {
  property: string;
  descending: boolean;
}

export interface ExpandItem {
  navigation: string;
  options: ODataQuery;
}

export interface ODataQuery {
  select?: string[];
  filter?: FilterNode;
  orderby?: OrderBy[];
  top?: number;
  expand?: ExpandItem[];
  count?: boolean;
}

export interface FetchCondition {
  attribute: string;
  operator: string;
  values: string[];
}

export interface FetchFilter {
  type: 'and' | 'or';
  conditions: FetchCondition[];
  filters: FetchFilter[];
  /**
   * Related rows a row must have (`any`) or must not have (`not any`) among those matching the link's filter
   * (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/filter-rows#filter-on-values-in-related-records).
   */
  links?: FetchLink[];
}

export interface FetchAttribute {
  name: string;
  alias?: string;
  aggregate?: string;
  groupby: boolean;
}

export interface FetchOrder {
  attribute?: string;
  alias?: string;
  descending: boolean;
}

/**
 * A joined table (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/join-tables): its rows are
 * matched where its `from` column equals the parent's `to` column; `inner` keeps only matched parent rows, `outer`
 * keeps every parent row. Its columns come back as `<alias>.<column>` (the table's logical name without an alias).
 */
export interface FetchLink {
  name: string;
  from: string;
  to: string;
  alias?: string;
  linkType: 'inner' | 'outer' | 'any' | 'not any';
  attributes: FetchAttribute[];
  filter?: FetchFilter;
  links: FetchLink[];
}

export interface FetchQuery {
  entity: string;
  aggregate: boolean;
  top?: number;
  /** Paging (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/page-results): rows per page, at most 5,000. */
  count?: number;
  /** 1-based page number. */
  page?: number;
  /** The previous page's cookie, already XML-unescaped: `<cookie page="1"><mailboxid last="{…}" first="{…}" /></cookie>`. */
  pagingCookie?: string;
  attributes: FetchAttribute[];
  filter?: FetchFilter;
  orders: FetchOrder[];
  links: FetchLink[];
}

export type ParsedOptions =
  { kind: 'odata'; query: ODataQuery; unsupported: string[] } | { kind: 'fetch'; fetch: FetchQuery };

/** Splits `?a=b&c=d` on top-level `&` (an `&` inside quotes or parentheses belongs to the value). */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      current += ch;
      if (ch === "'") {
        if (text[i + 1] === "'") {
          current += "'";
          i++;
        } else inString = false;
      }
      continue;
    }
    if (ch === "'") inString = true;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    throw new QuerySyntaxError(`The query option is not valid URL encoding: ${text}`);
  }
}

/** Parses an Xrm.WebApi-style option string (with or without the leading `?`). */
export function parseQueryOptions(options: string | undefined): ParsedOptions {
  const text = (options ?? '').replace(/^\?/, '');
  const pairs = splitTopLevel(text, '&').filter((part) => part !== '');
  const fetchPair = pairs.find((pair) => pair.startsWith('fetchXml='));
  if (fetchPair) return { kind: 'fetch', fetch: parseFetchXml(decode(fetchPair.slice('fetchXml='.length))) };
  const unsupported: string[] = [];
  const query = parseODataOptions(
    pairs.map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) throw new QuerySyntaxError(`Query option without a value: ${pair}`);
      return [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))] as [string, string];
    }),
    unsupported,
  );
  return { kind: 'odata', query, unsupported };
}

function parseODataOptions(pairs: [string, string][], unsupported: string[]): ODataQuery {
  const query: ODataQuery = {};
  for (const [name, value] of pairs) {
    switch (name) {
      case '$select':
        query.select = value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        break;
      case '$filter':
        query.filter = parseFilter(value);
        break;
      case '$orderby':
        query.orderby = value.split(',').map((part) => {
          const [property, direction] = part.trim().split(/\s+/);
          if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
            throw new QuerySyntaxError(`Unknown $orderby direction: ${direction}`);
          }
          return { property, descending: direction === 'desc' };
        });
        break;
      case '$top': {
        const top = Number(value);
        if (!Number.isInteger(top) || top < 0)
          throw new QuerySyntaxError(`$top must be a non-negative integer: ${value}`);
        query.top = top;
        break;
      }
      case '$expand':
        query.expand = splitTopLevel(value, ',').map(parseExpandItem);
        break;
      case '$count':
        query.count = value === 'true';
        break;
      default:
        unsupported.push(name);
    }
  }
  return query;
}

function parseExpandItem(text: string): ExpandItem {
  const trimmed = text.trim();
  const open = trimmed.indexOf('(');
  if (open < 0) return { navigation: trimmed, options: {} };
  if (!trimmed.endsWith(')')) throw new QuerySyntaxError(`Unbalanced parentheses in $expand: ${trimmed}`);
  const inner = trimmed.slice(open + 1, -1);
  const unsupported: string[] = [];
  const options = parseODataOptions(
    splitTopLevel(inner, ';').map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) throw new QuerySyntaxError(`Expand option without a value: ${pair}`);
      return [pair.slice(0, eq).trim(), pair.slice(eq + 1)] as [string, string];
    }),
    unsupported,
  );
  if (unsupported.length > 0) throw new QuerySyntaxError(`Unsupported option in $expand: ${unsupported.join(', ')}`);
  return { navigation: trimmed.slice(0, open).trim(), options };
}

// ---------------------------------------------------------------------------------------------------------------
// $filter

type Token = { kind: 'ident' | 'string' | 'number' | 'punct'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new QuerySyntaxError('Unterminated string literal in $filter');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'string', text: value });
    } else if ('(),[]:/='.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    } else {
      const match = /^[A-Za-z0-9_.\-+:@]+/.exec(text.slice(i));
      if (!match) throw new QuerySyntaxError(`Unexpected character in $filter: ${ch}`);
      let word = match[0];
      // A datetime literal holds ':' and may be followed by nothing else; an identifier never holds ':'.
      if (!/^\d{4}-\d{2}-\d{2}T/.test(word) && word.includes(':')) word = word.slice(0, word.indexOf(':'));
      const isNumber = /^-?\d+(\.\d+)?$/.test(word);
      tokens.push({ kind: isNumber ? 'number' : 'ident', text: word });
      i += word.length;
    }
  }
  return tokens;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

class FilterParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.parseOr();
    if (this.position < this.tokens.length) {
      throw new QuerySyntaxError(`Unexpected '${this.tokens[this.position].text}' in $filter`);
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new QuerySyntaxError('Unexpected end of $filter');
    return token;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw new QuerySyntaxError(`Expected '${text}' but found '${token.text}' in $filter`);
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token !== undefined && token.kind === 'ident' && token.text === text;
  }

  private parseOr(): FilterNode {
    return this.parseChain('or', () => this.parseAnd());
  }

  private parseAnd(): FilterNode {
    return this.parseChain('and', () => this.parseUnary());
  }

  /** `operand (word operand)*`, left-associative: one precedence level (`and` binds tighter than `or`). */
  private parseChain(word: 'or' | 'and', operand: () => FilterNode): FilterNode {
    let left = operand();
    while (this.isWord(word)) {
      this.position++;
      left = { type: word, left, right: operand() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.isWord('not')) {
      this.position++;
      return { type: 'not', operand: this.parseUnary() };
    }
    const token = this.peek();
    if (token?.text === '(') {
      this.position++;
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    if (token?.kind === 'ident' && token.text.startsWith('Microsoft.Dynamics.CRM.')) return this.parseCrmFunction();
    const left = this.parseOperand();
    const op = this.peek();
    if (op && op.kind === 'ident' && COMPARISONS.has(op.text)) {
      this.position++;
      const right = this.parseOperand();
      return { type: 'compare', op: op.text as 'eq', left, right };
    }
    if (left.type === 'call') return { type: 'call', name: left.name, args: left.args };
    if (left.type === 'property' && this.peek()?.text === ':') throw new QuerySyntaxError('Unexpected : in $filter');
    if (left.type === 'property' && left.path.length >= 2) {
      const quantifier = left.path[left.path.length - 1];
      if ((quantifier === 'any' || quantifier === 'all') && this.peek()?.text === '(')
        return this.parseLambda(left.path.slice(0, -1), quantifier);
    }
    throw new QuerySyntaxError('Expected a comparison in $filter');
  }

  private parseLambda(path: string[], quantifier: 'any' | 'all'): FilterNode {
    this.expect('(');
    if (this.peek()?.text === ')') {
      this.position++;
      return { type: 'lambda', navigation: path.join('/'), quantifier, variable: '', predicate: null };
    }
    const variable = this.next().text;
    this.expect(':');
    const predicate = this.parseOr();
    this.expect(')');
    return { type: 'lambda', navigation: path.join('/'), quantifier, variable, predicate };
  }

  private parseCrmFunction(): FilterNode {
    const name = this.next().text.slice('Microsoft.Dynamics.CRM.'.length);
    this.expect('(');
    let property = '';
    const values: Literal[] = [];
    while (this.peek()?.text !== ')') {
      const key = this.next().text;
      this.expect('=');
      if (key === 'PropertyName') {
        const value = this.next();
        if (value.kind !== 'string') throw new QuerySyntaxError('PropertyName must be a string literal');
        property = value.text;
      } else if (key === 'PropertyValue') {
        values.push(this.literalOf(this.next()));
      } else if (key === 'PropertyValues') {
        this.expect('[');
        while (this.peek()?.text !== ']') {
          values.push(this.literalOf(this.next()));
          if (this.peek()?.text === ',') this.position++;
        }
        this.expect(']');
      } else throw new QuerySyntaxError(`Unknown parameter ${key} of Microsoft.Dynamics.CRM.${name}`);
      if (this.peek()?.text === ',') this.position++;
    }
    this.expect(')');
    if (property === '') throw new QuerySyntaxError(`Microsoft.Dynamics.CRM.${name} needs PropertyName`);
    return { type: 'crmFunction', name, property, values };
  }

  private literalOf(token: Token): Literal {
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.text === 'true') return true;
    if (token.text === 'false') return false;
    if (token.text === 'null') return null;
    if (isGuid(token.text) || DATETIME.test(token.text)) return token.text;
    throw new QuerySyntaxError(`Expected a literal but found '${token.text}' in $filter`);
  }

  private parseOperand(): Operand {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return { type: 'literal', value: this.literalOf(token) };
    if (token.kind !== 'ident') throw new QuerySyntaxError(`Unexpected '${token.text}' in $filter`);
    if (['true', 'false', 'null'].includes(token.text) || isGuid(token.text) || DATETIME.test(token.text)) {
      return { type: 'literal', value: this.literalOf(token) };
    }
    if (this.peek()?.text === '(' && /^[a-z]+$/.test(token.text)) {
      this.position++;
      const args: Operand[] = [];
      while (this.peek()?.text !== ')') {
        args.push(this.parseOperand());
        if (this.peek()?.text === ',') this.position++;
      }
      this.expect(')');
      return { type: 'call', name: token.text, args };
    }
    const path = [token.text];
    while (this.peek()?.text === '/') {
      this.position++;
      path.push(this.next().text);
    }
    return { type: 'property', path };
  }
}

export function parseFilter(text: string): FilterNode {
  return new FilterParser(tokenize(text)).parse();
}

// ---------------------------------------------------------------------------------------------------------------
// FetchXML: a minimal element parser for what the engine builds: aggregates, filters, order, outer and inner joins
// (nested too) and paging (count, page, paging-cookie).

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag =
    /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = tag.exec(text)) !== null) {
    if (match.index !== consumed) break;
    consumed = tag.lastIndex;
    const [, closing, name, attributeText, selfClosing, content] = match;
    const current = stack[stack.length - 1];
    if (content !== undefined) {
      current.text += unescapeXml(content);
      continue;
    }
    if (name === undefined) continue;
    if (closing) {
      if (current.name !== name) throw new QuerySyntaxError(`FetchXML: </${name}> closes <${current.name}>`);
      stack.pop();
      continue;
    }
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    const attribute = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    let a: RegExpExecArray | null;
    while ((a = attribute.exec(attributeText ?? '')) !== null)
      element.attributes[a[1]] = unescapeXml(a[2] ?? a[3] ?? '');
    current.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (consumed !== text.length || stack.length !== 1) throw new QuerySyntaxError('FetchXML is not well-formed XML');
  return root;
}

function parseFetchFilter(element: XmlElement): FetchFilter {
  const type = element.attributes.type === 'or' ? 'or' : 'and';
  const filter: FetchFilter = { type, conditions: [], filters: [] };
  for (const child of element.children) {
    if (child.name === 'condition') {
      const values = child.children.filter((c) => c.name === 'value').map((c) => c.text.trim());
      if (child.attributes.value !== undefined) values.unshift(child.attributes.value);
      filter.conditions.push({
        attribute: child.attributes.attribute ?? '',
        operator: child.attributes.operator ?? 'eq',
        values,
      });
    } else if (child.name === 'filter') filter.filters.push(parseFetchFilter(child));
    else if (child.name === 'link-entity') {
      const link = parseLink(child);
      if (link.linkType !== 'any' && link.linkType !== 'not any')
        throw new QuerySyntaxError(`FetchXML: a <link-entity> inside <filter> must be 'any' or 'not any' here`);
      if (link.attributes.length > 0)
        throw new QuerySyntaxError(`FetchXML: a '${link.linkType}' <link-entity> filters rows and returns no columns`);
      (filter.links ??= []).push(link);
    } else throw new QuerySyntaxError(`FetchXML: <${child.name}> is not supported inside <filter>`);
  }
  return filter;
}

function positiveInteger(element: XmlElement, name: string): number | undefined {
  const text = element.attributes[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new QuerySyntaxError(`FetchXML: the ${name} attribute of <fetch> must be a positive integer: ${text}`);
  return value;
}

/** The children of <entity> or <link-entity>: columns, filters, orders and joined tables. */
function parseEntityChildren(element: XmlElement): {
  attributes: FetchAttribute[];
  filter?: FetchFilter;
  orders: FetchOrder[];
  links: FetchLink[];
} {
  const attributes: FetchAttribute[] = [];
  const filters: FetchFilter[] = [];
  const orders: FetchOrder[] = [];
  const links: FetchLink[] = [];
  for (const child of element.children) {
    if (child.name === 'attribute') {
      attributes.push({
        name: child.attributes.name ?? '',
        alias: child.attributes.alias,
        aggregate: child.attributes.aggregate,
        groupby: child.attributes.groupby === 'true',
      });
    } else if (child.name === 'filter') filters.push(parseFetchFilter(child));
    else if (child.name === 'order') {
      orders.push({
        attribute: child.attributes.attribute,
        alias: child.attributes.alias,
        descending: child.attributes.descending === 'true',
      });
    } else if (child.name === 'link-entity') {
      const link = parseLink(child);
      // Dataverse takes these link types only inside a <filter>.
      if (link.linkType === 'any' || link.linkType === 'not any')
        throw new QuerySyntaxError(`FetchXML: a '${link.linkType}' <link-entity> belongs inside a <filter>`);
      links.push(link);
    } else throw new QuerySyntaxError(`FetchXML: <${child.name}> is not supported by this emulator`);
  }
  const filter =
    filters.length === 1
      ? filters[0]
      : filters.length > 1
        ? { type: 'and' as const, conditions: [], filters }
        : undefined;
  return { attributes, ...(filter ? { filter } : {}), orders, links };
}

function parseLink(element: XmlElement): FetchLink {
  const { name, from, to, alias } = element.attributes;
  if (!name || !from || !to) throw new QuerySyntaxError('FetchXML: <link-entity> needs name, from and to');
  const linkType = element.attributes['link-type'] ?? 'inner';
  if (linkType !== 'inner' && linkType !== 'outer' && linkType !== 'any' && linkType !== 'not any')
    throw new QuerySyntaxError(`FetchXML: link-type '${linkType}' is not supported by this emulator`);
  const children = parseEntityChildren(element);
  if (children.orders.length > 0)
    throw new QuerySyntaxError('FetchXML: <order> inside <link-entity> is not supported by this emulator');
  return {
    name,
    from,
    to,
    ...(alias !== undefined ? { alias } : {}),
    linkType,
    attributes: children.attributes,
    ...(children.filter ? { filter: children.filter } : {}),
    links: children.links,
  };
}

export function parseFetchXml(text: string): FetchQuery {
  const fetch = parseXml(text.trim()).children.find((c) => c.name === 'fetch');
  if (!fetch) throw new QuerySyntaxError('FetchXML must have a <fetch> root');
  const entity = fetch.children.find((c) => c.name === 'entity');
  if (!entity || !entity.attributes.name) throw new QuerySyntaxError('FetchXML needs <entity name="...">');
  const children = parseEntityChildren(entity);
  const query: FetchQuery = {
    entity: entity.attributes.name,
    aggregate: fetch.attributes.aggregate === 'true',
    ...children,
  };
  if (fetch.attributes.top !== undefined) query.top = Number(fetch.attributes.top);
  const count = positiveInteger(fetch, 'count');
  const page = positiveInteger(fetch, 'page');
  if (count !== undefined) query.count = count;
  if (page !== undefined) query.page = page;
  if (fetch.attributes['paging-cookie'] !== undefined && fetch.attributes['paging-cookie'] !== '')
    query.pagingCookie = fetch.attributes['paging-cookie'];
  // "Don't use the fetch element top attribute with paging": https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/page-results
  if (query.top !== undefined && (count !== undefined || page !== undefined))
    throw new QuerySyntaxError('FetchXML: the top attribute cannot be combined with count or page');
  return query;
}

/** Every joined table of a query, nested ones included, depth first. */
export function fetchLinks(links: readonly FetchLink[]): FetchLink[] {
  return links.flatMap((link) => [link, ...fetchLinks(link.links)]);
}
