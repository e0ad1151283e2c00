// The access token and service address are kept per user in the browser's storage, keyed by Office's
// partition key where the host provides one (it isolates add-in storage per user and origin); never in
// the workbook, which is shared.

export interface Connection {
  serviceUrl: string;
  token: string;
}

const PREFIX = 'SharedCdo.connection';

export const storageKey = (partitionKey: string | undefined): string =>
  partitionKey ? `${partitionKey}${PREFIX}` : PREFIX;

export function loadConnection(storage: Storage, partitionKey: string | undefined): Connection | undefined {
  const raw = storage.getItem(storageKey(partitionKey));
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<Connection>;
    return typeof parsed.serviceUrl === 'string' && typeof parsed.token === 'string'
      ? { serviceUrl: parsed.serviceUrl, token: parsed.token }
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveConnection(
  storage: Storage,
  partitionKey: string | undefined,
  connection: Connection,
): void {
  storage.setItem(storageKey(partitionKey), JSON.stringify(connection));
}

export function forgetConnection(storage: Storage, partitionKey: string | undefined): void {
  storage.removeItem(storageKey(partitionKey));
}

/** Storage that lasts only while the pane is open: used when the browser refuses the add-in storage. */
class PaneMemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/**
 * The browser's storage when the browser lets the pane use it. Blocking third-party storage makes
 * `localStorage` throw (Excel on the web frames the pane); then the token lasts while the pane is open.
 */
export function browserStorage(open: () => Storage): { storage: Storage; persistent: boolean } {
  try {
    const storage = open();
    const probe = `${PREFIX}.probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return { storage, persistent: true };
  } catch {
    return { storage: new PaneMemoryStorage(), persistent: false };
  }
}
