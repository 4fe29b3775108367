/**
 * Probes for the layering rules: each probe breaks one rule the way a hurried change would, and lint must
 * refuse it. Biome runs with the project's biome.json over probe files laid out like the project (in a
 * temporary folder, so the tree is never touched); the type rule runs tsc with the project's tsconfig.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIOME = join(ROOT, 'node_modules/@biomejs/biome/bin/biome');
const work = mkdtempSync(join(tmpdir(), 'coach-layers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'));
delete config.$schema;
delete config.vcs;
writeFileSync(join(work, 'biome.json'), JSON.stringify(config));

/** Lints one probe file at `path` (relative, as in the project); returns the rule names reported. */
function lint(path: string, source: string): string[] {
  const file = join(work, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const r = spawnSync(process.execPath, [BIOME, 'lint', '--reporter=json', '--max-diagnostics=50', path], {
    cwd: work,
    encoding: 'utf8',
  });
  rmSync(file);
  const report = JSON.parse(r.stdout || '{"diagnostics":[]}') as { diagnostics: { category: string }[] };
  return report.diagnostics.map((d) => d.category);
}

const PROBES: [name: string, path: string, source: string, rule: string][] = [
  [
    'a component calls browser.storage',
    'components/panel/Probe.tsx',
    "import { browser } from 'wxt/browser';\nexport const read = () => browser.storage.local.get('x');\n",
    'lint/style/noRestrictedImports',
  ],
  [
    'a component uses the chrome global',
    'components/options/Probe.tsx',
    "export const read = () => chrome.storage.local.get('x');\n",
    'lint/style/noRestrictedGlobals',
  ],
  [
    'a component imports the adapter',
    'components/quiz/Probe.tsx',
    "import { settingsItem } from '../../utils/browser/storage';\nexport const s = settingsItem;\n",
    'lint/style/noRestrictedImports',
  ],
  [
    'a component writes localStorage',
    'components/panel/Probe.tsx',
    "export const save = (v: string) => localStorage.setItem('x', v);\n",
    'lint/style/noRestrictedGlobals',
  ],
  [
    'a pure util imports utils/browser/storage',
    'utils/search/probe.ts',
    "import { settingsItem } from '../browser/storage';\nexport const s = settingsItem;\n",
    'lint/style/noRestrictedImports',
  ],
  [
    'a pure util reads the DOM',
    'utils/quiz/probe.ts',
    'export const title = () => document.title;\n',
    'lint/style/noRestrictedGlobals',
  ],
  [
    'a pure util fetches',
    'utils/packs/probe.ts',
    "export const get = () => fetch('https://example.com');\n",
    'lint/style/noRestrictedGlobals',
  ],
  [
    'knowledge imports a component',
    'knowledge/probe.ts',
    "import { Panel } from '../components/panel/Panel';\nexport const p = Panel;\n",
    'lint/style/noRestrictedImports',
  ],
  [
    'a page function uses an extension API',
    'utils/page/probe.ts',
    'export function leak() {\n  return chrome.runtime.id;\n}\n',
    'lint/style/noRestrictedGlobals',
  ],
  [
    'an entrypoint calls the browser itself',
    'entrypoints/probe.ts',
    "export const open = () => browser.tabs.create({ url: 'x' });\n",
    'lint/style/noRestrictedGlobals',
  ],
  [
    'a hook is called conditionally',
    'components/panel/Probe.tsx',
    "import { useState } from 'preact/hooks';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) {\n    const [v] = useState(0);\n    return <p>{v}</p>;\n  }\n  return null;\n}\n",
    'lint/correctness/useHookAtTopLevel',
  ],
  [
    'an effect misses a dependency',
    'components/panel/Probe.tsx',
    "import { useEffect } from 'preact/hooks';\nexport function Probe({ n }: { n: number }) {\n  useEffect(() => {\n    console.log(n);\n  }, []);\n  return null;\n}\n",
    'lint/correctness/useExhaustiveDependencies',
  ],
];

describe('lint refuses code that breaks the layers', () => {
  it.each(PROBES)('%s', (_, path, source, rule) => {
    expect(lint(path, source)).toContain(rule);
  });

  it('accepts the same kind of code where it belongs (the adapter)', () => {
    const found = lint(
      'utils/browser/probe.ts',
      "import { browser } from 'wxt/browser';\nexport const read = () => browser.storage.local.get('x');\n",
    );
    expect(found.filter((c) => c.startsWith('lint/style/noRestricted'))).toEqual([]);
  });
});

describe('types: the extension code has no Node or chrome globals', () => {
  it('tsc refuses process, Buffer and chrome in utils/', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(ROOT, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => undefined,
      },
    );
    if (!parsed) throw new Error('tsconfig.json not readable');
    const probe = join(ROOT, 'utils/__probe__.ts');
    const text =
      "export const a = process.env.HOME;\nexport const b = Buffer.from('x');\nexport const c = chrome.runtime.id;\n";
    const host = ts.createCompilerHost(parsed.options);
    const read = host.getSourceFile;
    host.getSourceFile = (name, ...rest) =>
      resolve(name) === probe ? ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true) : read(name, ...rest);
    const program = ts.createProgram(
      [probe, ...parsed.fileNames.filter((f) => f.endsWith('.d.ts'))],
      parsed.options,
      host,
    );
    const errors = ts
      .getPreEmitDiagnostics(program, program.getSourceFile(probe))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors.join('\n')).toMatch(/Cannot find name 'process'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'Buffer'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'chrome'/);
  });
});
