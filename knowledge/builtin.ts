/**
 * The built-in pack: curated by hand from the two seed documents in `shared/seeds/`, one data file per
 * seed. This file lists them and offers them validated; their content is data (see README, "Pack format").
 */
import insuranceSupervisor from './builtin/insurance-cs-supervisor.json';
import seniorCsExam from './builtin/senior-cs-exam-2026.json';
import { validatePack } from './loader';
import { formatProblem } from './problems';
import type { Pack } from './schema';

export const BUILTIN_PACK_FILES: readonly { file: string; data: unknown }[] = [
  { file: 'knowledge/builtin/senior-cs-exam-2026.json', data: seniorCsExam },
  { file: 'knowledge/builtin/insurance-cs-supervisor.json', data: insuranceSupervisor },
];

/** Built-in entries are curated from documents: each cites its section and number, not only the file. */
export const BUILTIN_VALIDATION = { fullProvenance: true } as const;

let validated: { packs: Pack[]; problems: string[] } | undefined;

/**
 * The built-in packs that validate, and a line per problem of those that do not (`FILE: path: message`).
 * Tests and `kb validate` keep the problems empty; a page shows what is valid rather than crash over it.
 */
export function builtinPacks(): { packs: Pack[]; problems: string[] } {
  validated ??= BUILTIN_PACK_FILES.reduce<{ packs: Pack[]; problems: string[] }>(
    (out, { file, data }) => {
      const result = validatePack(data, undefined, BUILTIN_VALIDATION);
      if (result.ok) out.packs.push(result.pack);
      else out.problems.push(...result.problems.map((p) => formatProblem(file, p)));
      return out;
    },
    { packs: [], problems: [] },
  );
  return validated;
}
