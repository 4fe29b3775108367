/**
 * Functions injected into ticket pages (`scripting.executeScript({ func })`) are serialized and run in the
 * page, so they may use only their parameters, their own locals and the page's globals. This test reads
 * utils/page/ with the TypeScript checker and fails on any value a function takes from outside its body
 * (an import, a module constant, another helper), and on any executeScript call whose `func` does not
 * come from utils/page/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const PAGE_DIR = join(ROOT, 'utils/page');
const pageFiles = readdirSync(PAGE_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(PAGE_DIR, f));

const program = ts.createProgram(pageFiles, {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2024.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  noEmit: true,
});

/** Names a function body takes from outside itself, other than the page's globals (TypeScript's libs). */
function outsideReferences(fn: ts.FunctionDeclaration, checker: ts.TypeChecker): string[] {
  const found = new Set<string>();
  const inside = (decl: ts.Node) =>
    decl.getSourceFile() === fn.getSourceFile() && decl.pos >= fn.pos && decl.end <= fn.end;
  const isGlobal = (decl: ts.Node) => decl.getSourceFile().isDeclarationFile;
  const visit = (node: ts.Node) => {
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node);
      if (!isMemberName) {
        const symbol = ts.isShorthandPropertyAssignment(parent)
          ? checker.getShorthandAssignmentValueSymbol(parent)
          : checker.getSymbolAtLocation(node);
        const decls = symbol?.declarations ?? [];
        if (decls.length && !decls.some((d) => inside(d) || isGlobal(d))) found.add(node.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  for (const p of fn.parameters) if (p.initializer) visit(p.initializer);
  return [...found];
}

const exported = pageFiles.flatMap((file) => {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`not compiled: ${file}`);
  return source.statements
    .filter(
      (s): s is ts.FunctionDeclaration =>
        ts.isFunctionDeclaration(s) && !!s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
    )
    .map((fn) => ({ file: file.slice(ROOT.length + 1), name: fn.name?.text ?? '(anonymous)', fn }));
});

describe('functions injected into pages', () => {
  it('are found in utils/page/', () => {
    expect(exported.map((e) => e.name)).toEqual(
      expect.arrayContaining(['insertTextAtCursor', 'readPageSelection', 'readTicket']),
    );
  });

  it.each(exported.map((e) => [`${e.file}: ${e.name}`, e] as const))(
    '%s uses nothing from outside its body',
    (_, e) => {
      expect(outsideReferences(e.fn, program.getTypeChecker())).toEqual([]);
    },
  );

  it('utils/page/ holds only such functions and types (no module-level values)', () => {
    for (const file of pageFiles) {
      const source = program.getSourceFile(file) as ts.SourceFile;
      for (const s of source.statements) {
        const allowed =
          ts.isFunctionDeclaration(s) ||
          ts.isInterfaceDeclaration(s) ||
          ts.isTypeAliasDeclaration(s) ||
          (ts.isImportDeclaration(s) && !!s.importClause?.isTypeOnly);
        expect(allowed, `${file}: ${s.getText().slice(0, 60)}`).toBe(true);
      }
    }
  });

  it('the checker catches a reference from outside (the rule above can fail)', () => {
    const text =
      "const LIMIT = 3;\nimport { helper } from './x';\nexport function leaky(s: string) { const n = LIMIT; return helper(s, n) + document.title; }";
    const host = ts.createCompilerHost({ lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'], types: [] });
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (name, ...rest) =>
      name === 'probe.ts'
        ? ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true)
        : getSourceFile(name, ...rest);
    const probe = ts.createProgram(['probe.ts'], { lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'], types: [] }, host);
    const fn = (probe.getSourceFile('probe.ts') as ts.SourceFile).statements.find(ts.isFunctionDeclaration);
    if (!fn) throw new Error('probe not parsed');
    const names = outsideReferences(fn, probe.getTypeChecker());
    expect(names.sort()).toEqual(['LIMIT', 'helper']);
  });

  it('every executeScript call injects a function from utils/page/', () => {
    const dir = join(ROOT, 'utils/browser');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/\bfunc:\s*([A-Za-z_$][\w$]*)/g)) {
        const name = m[1] as string;
        const imported = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'\\.\\./page/`).test(text);
        expect(imported, `utils/browser/${f}: func: ${name} must be imported from utils/page/`).toBe(true);
      }
    }
  });
});
