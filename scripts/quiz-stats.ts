/**
 * Prints how many quiz items of each type the built-in pack yields (for the README and the issue).
 * Usage: npx tsx scripts/quiz-stats.ts
 */
import { builtinPacks } from '../knowledge/builtin';
import { mergePacks } from '../knowledge/loader';
import { dayKey } from '../utils/quiz/day';
import { countByType, generateItems } from '../utils/quiz/items';

const { packs, problems } = builtinPacks();
if (problems.length) console.error(`the built-in pack is invalid:\n${problems.join('\n')}`);
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
