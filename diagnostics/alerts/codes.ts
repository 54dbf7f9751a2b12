/**
 * Error codes in alerts. Server-side sync writes a code three ways: a name in "Email Server Error Code: …"
 * (ErrorInvalidLicense), a Dataverse code as hex ("Crm.80040265.ISV code aborted the operation") or as a signed decimal
 * ("UnknownIncomingEmailIntegrationError -2147220891"), and tracelog's integer `tracecode`. The hex and decimal forms
 * are one 32-bit HRESULT: Learn's article on UnknownIncomingEmailIntegrationError -2147220891 calls it "-2147220891 or
 * 80040265" (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/unknownincomingemailintegrationerror-2147220891),
 * so a catalogue code in either form matches the other and the tracecode.
 */

/** Text made comparable: line breaks and runs of spaces become one space, typographic apostrophes plain ones. */
export function normaliseAlertText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const HEX_HRESULT = /^(?:Crm\.|0x)?(8[0-9a-f]{7})$/i;
const DECIMAL_HRESULT = /^-?(2\d{9})$/;

/** The signed 32-bit value of an HRESULT written as "Crm.80040265", "80040265", "0x80040265" or "-2147220891"; else null. */
export function hresultOf(code: string): number | null {
  const hex = HEX_HRESULT.exec(code);
  if (hex) return parseInt(hex[1], 16) | 0;
  const decimal = DECIMAL_HRESULT.exec(code);
  if (decimal) {
    const value = -Number(decimal[1]);
    return value >= -0x80000000 ? value : null;
  }
  return null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A matcher for one catalogue code. A name matches as a whole token ("ErrorQuotaExceeded" not inside
 * "ErrorSubmissionQuotaExceeded…", "InvalidIncomingEmailServerProfile" not inside "…ProfileConfiguration"); an HRESULT
 * matches its hex form (with or without "Crm." or "0x"), its decimal form (with or without the minus) and the tracecode.
 */
export function codeMatcher(code: string): (haystack: string, tracecode: number | null) => boolean {
  const hresult = hresultOf(code);
  if (hresult === null) {
    const token = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(code)}(?![A-Za-z0-9])`, 'i');
    return (haystack) => token.test(haystack);
  }
  const hex = (hresult >>> 0).toString(16);
  const forms = new RegExp(`(?<![0-9A-Za-z])(?:(?:Crm\\.|0x)?${hex}(?![0-9A-Za-z])|-?${-hresult}(?!\\d))`, 'i');
  return (haystack, tracecode) => tracecode === hresult || forms.test(haystack);
}

const CODE_LINE = /(?:Email Server|Exchange) Error Code\s*:\s*([^\n]+)/i;
/** "Exchange server returned", "Exchange.server returned", "Http server returned", "Web server returned", "Socket returned". */
const RETURNED = /^(?:(?:Exchange\.?|Http|Web|Smtp)\s?server|Socket) returned\s+(?:exception\s+)?/i;
/** A Dataverse code with its name when the name is an identifier (Crm.80042f09.UserNotAssignedRoles, Crm.80040265.ISV). */
const CRM_CODE = /^Crm\.[0-9a-fA-F]{8}(?:\.(?:[A-Z]{2,}|[A-Z][a-z]+(?:[A-Z][a-z]*)+)(?=[.\s]|$))?/;

/**
 * The code of an alert, for people and for a search: what follows "Email Server Error Code:" (or "Exchange Error
 * Code:") in the text or the details, up to the end of its first sentence, without "… server returned" and
 * "exception"; a Dataverse code keeps only "Crm.xxxxxxxx.Name"; a bare EWS number keeps "Exchange server returned".
 * Else the tracecode when it is set. Else null.
 */
export function alertCode(text: string, details: string | null, tracecode: number | null): string | null {
  for (const source of [text, details ?? '']) {
    const line = CODE_LINE.exec(source);
    if (!line) continue;
    const raw = normaliseAlertText(line[1].replace(/\*+/g, ' '));
    const crm = CRM_CODE.exec(raw);
    if (crm) return crm[0];
    const sentence = raw.split(/\.(?:\s|$)/)[0];
    const code = sentence
      .replace(RETURNED, '')
      .split(/\s(?:exception|error)\b|:/i)[0]
      .trim();
    if (code === '') continue;
    const label = /^\d+$/.test(code) ? `Exchange server returned ${code}` : code;
    return label.length > 80 ? `${label.slice(0, 79)}…` : label;
  }
  return tracecode !== null && tracecode !== 0 ? String(tracecode) : null;
}

/** Microsoft Learn's site search for a code (the form Microsoft's own docs link to: /search/?terms=). */
export function learnSearchUrl(code: string): string {
  // encodeURIComponent leaves !'()* alone; encoded too, the link survives markdown and every other surface.
  const terms = encodeURIComponent(code).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `https://learn.microsoft.com/search/?terms=${terms}`;
}

/**
 * What an unrecognised alert shows beside its text, on every surface: its code and a Learn search for that code. Null
 * when the alert carries no code (its text is then all there is).
 */
export function alertSearch(
  text: string,
  details: string | null,
  tracecode: number | null,
): { code: string; url: string } | null {
  const code = alertCode(text, details, tracecode);
  return code === null ? null : { code, url: learnSearchUrl(code) };
}
