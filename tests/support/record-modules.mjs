// `node --import ./record-modules.mjs …`: appends the URL of every module the process resolves to the
// file named by RECORD_MODULES, one per line (tests/cli/lazy-modules.test.ts).
import { register } from 'node:module';

register(new URL('./record-modules-hooks.mjs', import.meta.url), { data: { file: process.env.RECORD_MODULES } });
