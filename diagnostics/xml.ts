/**
 * XML text, both ways: the FetchXML the engine writes, and the XML the other parts write or read (the solution's
 * templates, the control's resx, ribbon definitions, paging cookies). Escaping uses XML's five predefined entities
 * (https://www.w3.org/TR/xml/#sec-predefined-ent), so the result is safe in element content and in attribute values
 * quoted either way.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The five predefined entities back to their characters; `&amp;` last, so `&amp;lt;` stays the text `&lt;`. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
