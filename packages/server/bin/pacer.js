#!/usr/bin/env node
// Launcher for the TypeScript CLI, so `pacer` works as an installed package bin.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
