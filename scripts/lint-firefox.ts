/**
 * Runs `web-ext lint` on the Firefox build; fails on any error, prints warnings.
 * Known warning: Preact's runtime contains an `innerHTML` assignment (dangerouslySetInnerHTML support),
 * which this project never uses with pack text.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '..', process.env.COACH_OUT_DIR ?? '.output', 'firefox-mv2');
const bin = resolve(import.meta.dirname, '../node_modules/.bin/web-ext');
const run = spawnSync(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
type Message = { code: string; message: string; file?: string };
let report: { summary: Record<string, number>; errors: Message[]; warnings: Message[] };
try {
  report = JSON.parse(run.stdout);
} catch {
  process.stderr.write(`web-ext lint gave no report for ${dir}:\n${run.stderr}\n`);
  process.exit(1);
}
for (const m of report.warnings) process.stdout.write(`warning ${m.code}: ${m.message} (${m.file ?? ''})\n`);
for (const m of report.errors) process.stdout.write(`ERROR ${m.code}: ${m.message} (${m.file ?? ''})\n`);
process.stdout.write(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings\n`);
process.exit(report.errors.length > 0 ? 1 : 0);
