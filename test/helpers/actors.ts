// Who a test says made a change, where the test writes to the store directly.
import type { Actor } from '../../shared/api.js';

export const testActor = (label = 'test'): Actor => ({ via: 'cli', id: 'test', label });
