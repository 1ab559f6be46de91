/** The name of a unit or station in the reader's language (Hindi falls back to English if unset). */
export function localName(item: { nameEn: string; nameHi: string }, locale: string): string {
  if (locale === 'hi' && item.nameHi.trim()) return item.nameHi;
  return item.nameEn;
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'hi' ? 'hi-IN' : 'en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
}
