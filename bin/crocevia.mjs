#!/usr/bin/env node
// Runs Crocevia's TypeScript sources directly (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
