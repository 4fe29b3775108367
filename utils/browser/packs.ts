/**
 * The entries the agent searches and is quizzed on: the built-in pack plus enabled team packs.
 * (Team packs arrive with the options page, issue 6; until then this is the built-in pack.)
 */
import { BUILTIN_PACK_FILES } from '../../knowledge/builtin';
import { mergePacks, validatePack } from '../../knowledge/loader';
import type { Entry, Pack } from '../../knowledge/schema';

export function builtinPacks(): Pack[] {
  return BUILTIN_PACK_FILES.flatMap(({ file, data }) => {
    const result = validatePack(data);
    if (!result.ok) {
      // The built-in pack is checked by tests and `kb validate`; never crash a page over it.
      console.error(`built-in pack ${file} is invalid`, result.problems);
      return [];
    }
    return [result.pack];
  });
}

export async function getActiveEntries(): Promise<Entry[]> {
  return mergePacks(builtinPacks());
}
