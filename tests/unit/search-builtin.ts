/** The built-in pack's entries, validated, for search tests that run on real content. */
import { BUILTIN_PACK_FILES } from '../../knowledge/builtin';
import { formatProblem, mergePacks, validatePack } from '../../knowledge/loader';
import type { Entry, Pack } from '../../knowledge/schema';

export function builtinEntries(): Entry[] {
  const packs: Pack[] = BUILTIN_PACK_FILES.map(({ file, data }) => {
    const result = validatePack(data);
    if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(file, p)).join('\n'));
    return result.pack;
  });
  return mergePacks(packs);
}
