/**
 * Runs the `kb` CLI in-process (scripts/kb/main.ts), in `cwd`, collecting what it writes; and once as a
 * user would, as a separate process (`spawnKb`), for the few tests about the process itself.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { main } from '../../scripts/kb/main';

const ROOT = resolve(__dirname, '../..');

export async function runKb(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    cwd,
  });
  return { code, stdout, stderr };
}

/** `node tsx scripts/kb.ts ARGS` with piped output: the child process, for tests of exit codes and pipes. */
export function spawnKb(cwd: string, ...args: string[]) {
  return spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/kb.ts'), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
