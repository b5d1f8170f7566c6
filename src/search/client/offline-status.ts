import type { OfflineStatus } from '../protocol.ts';

/**
 * The worker that controls this page, once there is one: on a first visit, when the new worker has taken over.
 * Never settles where there is no worker (no support, or a forced reload that bypasses it).
 */
export async function controllingWorker(): Promise<ServiceWorker> {
  if (!('serviceWorker' in navigator)) return new Promise(() => undefined);
  const workers = navigator.serviceWorker;
  await workers.ready;
  if (workers.controller) return workers.controller;
  await new Promise((resolve) => workers.addEventListener('controllerchange', resolve, { once: true }));
  return workers.controller!;
}

/** Asks a worker how much of its build's index this device keeps. */
export function offlineStatus(worker: ServiceWorker): Promise<OfflineStatus> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineStatus>) => resolve(event.data);
    worker.postMessage({ type: 'offline-status' }, [channel.port2]);
  });
}
