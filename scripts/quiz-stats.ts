/**
 * Prints how many quiz items of each type the built-in pack yields (for the README and the issue).
 * Usage: npx tsx scripts/quiz-stats.ts
 */
import { BUILTIN_PACK_FILES } from '../knowledge/builtin';
import { mergePacks, validatePack } from '../knowledge/loader';
import type { Pack } from '../knowledge/schema';
import { dayKey } from '../utils/quiz/day';
import { countByType, generateItems } from '../utils/quiz/items';

const packs: Pack[] = BUILTIN_PACK_FILES.flatMap(({ file, data }) => {
  const result = validatePack(data);
  if (!result.ok) {
    console.error(`${file} is invalid: ${result.problems.length} problem(s)`);
    return [];
  }
  return [result.pack];
});
const entries = mergePacks(packs);
const items = generateItems(entries, dayKey());
const kinds = { guideline: 0, phrasing: 0, question: 0 };
for (const e of entries) kinds[e.kind]++;
const errata = entries.filter((e) => e.errata).map((e) => e.id);
console.log(`entries: ${entries.length} (${JSON.stringify(kinds)})`);
console.log(`items: ${items.length}`, countByType(items));
console.log(
  `recall cards: ${items.filter((i) => i.id.startsWith('recall:') && i.sourceId === i.entryId && entries.find((e) => e.id === i.entryId)?.kind === 'guideline').length} from guidelines, ${items.filter((i) => i.type === 'recall' && entries.find((e) => e.id === i.entryId)?.kind === 'question').length} from open questions`,
);
console.log(`entries with errata (no auto-graded item): ${errata.length ? errata.join(', ') : 'none'}`);
