#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx shared-cdo` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../server/cli.ts', import.meta.url).href);
