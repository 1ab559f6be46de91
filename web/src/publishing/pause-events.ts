/** Screens that start or end a pause tell the banner to look again at once. */
const EVENT = 'chhavi:pause-changed';

export function announcePauseChange(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onPauseChange(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
