/**
 * The `kb` CLI on this process (`npm run kb -- …`); the commands live in scripts/kb/.
 * A closed pipe (`kb export | head`) is a normal end, not an error: exit quietly.
 */
import { main } from './kb/main';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
