/**
 * The `strategy` command run in this process through its `main()`, for tests about what a command does
 * rather than about the process: no Node or TypeScript loader starts for each run. What it prints is
 * collected as a child's standard output and error would be (each message a line), without colour and
 * not on a terminal, as in a child whose output is piped. Tests of exit codes, stdout and startup as a
 * real process keep spawning `bin/strategy.js`.
 */
import { main } from '../../scripts/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const line = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

export async function runMain(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (s) => {
      stdout += line(s);
    },
    err: (s) => {
      stderr += line(s);
    },
    color: false,
    tty: false,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code, stdout, stderr };
}
