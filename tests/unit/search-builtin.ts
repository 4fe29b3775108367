/** The built-in pack's entries, validated, for search tests that run on real content. */
import { builtinPacks } from '../../knowledge/builtin';
import { mergePacks } from '../../knowledge/loader';
import type { Entry } from '../../knowledge/schema';

export function builtinEntries(): Entry[] {
  const { packs, problems } = builtinPacks();
  if (problems.length) throw new Error(problems.join('\n'));
  return mergePacks(packs);
}
