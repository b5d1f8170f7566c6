/** Registers the build's service worker, which keeps the site's shell, the pages read and the searches made offline. */
export function registerServiceWorker(base: string): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
    // Offline use is an extra: the page works without it.
    console.warn('Offline use is unavailable:', error);
  });
}
