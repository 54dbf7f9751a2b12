function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Like context.formatting.formatDateShort: the Date's browser-local fields. */
export function formatDateShort(value: Date, includeTime?: boolean): string {
  const date = `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  return includeTime ? `${date} ${pad(value.getHours())}:${pad(value.getMinutes())}` : date;
}
