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
