/**
 * Text from Dataverse (names, addresses, alert texts) cannot break or hijack an output: terminal escape sequences
 * (ANSI CSI/OSC and the rest), other control characters and bidirectional overrides are removed, and so are Slack
 * mentions (<!channel>, <!here>, <@U…>) — in every format. Each format then escapes its own syntax: CSV cells that
 * would start a formula, markdown table pipes, Slack's &, < and >.
 */

// ESC-introduced sequences: OSC (to BEL or ST), CSI, DCS/SOS/PM/APC strings, then any other two-byte escape.
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[\s\S]?|\u009b[0-?]*[ -/]*[@-~]?/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MENTIONS = /<[!@][^>\s]*>/g;

/** Keeps newlines and tabs (a multi-line report stays multi-line); removes everything else listed above. */
export function cleanText(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '').replace(MENTIONS, '');
}

/** One line: newlines and tabs become spaces. */
export function cleanLine(text: string | null | undefined): string {
  return cleanText(text ?? '').replace(/[\r\n\t]+/g, ' ');
}

/** Every string in a JSON value, cleaned (for --format json). */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((item) => cleanDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, cleanDeep(item)]),
    ) as T;
  }
  return value;
}

/** A CSV cell: quoted when needed; a leading = + - @ (or tab/CR) is neutralised with an apostrophe. */
export function csvCell(value: string | number | null | undefined): string {
  let text = typeof value === 'number' ? String(value) : cleanLine(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A markdown table cell: pipes, backslashes and markup characters escaped, one line. */
export function markdownCell(value: string | null | undefined): string {
  return cleanLine(value).replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** Slack mrkdwn text: &, < and > are the characters Slack asks to escape; * _ ~ ` lose their markup. */
export function slackText(value: string | null | undefined): string {
  return cleanLine(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([*_~`])/g, '\u200b$1\u200b');
}

/** Adaptive Card TextBlock markdown: the link/emphasis characters escaped. */
export function cardText(value: string | null | undefined): string {
  return cleanLine(value).replace(/([\\`*_[\]()<>#])/g, '\\$1');
}
