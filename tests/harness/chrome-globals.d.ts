/**
 * The few `chrome.*` calls that tests run inside the extension's service worker through
 * `worker.evaluate` (code that executes in the browser, not in Node).
 */
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: {
    session: { get(key: string | null): Promise<Record<string, unknown>> };
    local: { get(key: string | null): Promise<Record<string, unknown>> };
    sync: {
      get(key: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};
