/**
 * Web Locks for unit and component tests: Node 20 has no `navigator.locks`, which the adapter uses in every
 * extension page and the background. Exclusive locks, granted in request order, released when the
 * callback's promise settles — the part of the standard the adapter relies on.
 */
type Task = () => void;

class TestLockManager {
  private readonly queues = new Map<string, Task[]>();
  private readonly held = new Set<string>();

  request<T>(name: string, optionsOrCallback: unknown, maybeCallback?: (lock: { name: string }) => Promise<T> | T) {
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as (lock: {
      name: string;
    }) => Promise<T> | T;
    return new Promise<T>((resolve, reject) => {
      const run = () => {
        this.held.add(name);
        Promise.resolve()
          .then(() => callback({ name }))
          .then(resolve, reject)
          .finally(() => {
            this.held.delete(name);
            this.queues.get(name)?.shift()?.();
          });
      };
      if (this.held.has(name)) {
        const queue = this.queues.get(name) ?? [];
        queue.push(run);
        this.queues.set(name, queue);
      } else run();
    });
  }
}

const nav = (globalThis as { navigator?: { locks?: unknown } }).navigator;
if (!nav)
  Object.defineProperty(globalThis, 'navigator', { value: { locks: new TestLockManager() }, configurable: true });
else if (!nav.locks) Object.defineProperty(nav, 'locks', { value: new TestLockManager(), configurable: true });
