#!/usr/bin/env node
// The `strategy` command. The generator is TypeScript, run through tsx's loader so that there is no
// separate compile step for officers or CI; `npm test` type-checks it strictly with tsc.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
