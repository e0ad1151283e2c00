// Who did something that no signed-in caller did: the command line on the server, or the service itself.
import { userInfo } from 'node:os';
import type { Actor } from '../../shared/api.js';

/** The operator at the server's command line, named by their login where the system knows it. */
export function commandLineActor(): Actor {
  let login = '';
  try {
    login = userInfo().username;
  } catch {
    // A container user without a passwd entry: the action is still recorded, without a login.
  }
  return { via: 'cli', id: login, label: 'command line' };
}

export const serviceActor = (id: string, label: string): Actor => ({ via: 'service', id, label });
