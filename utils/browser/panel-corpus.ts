/**
 * The corpus the side panel searches: the active packs' cached index (index-cache.ts) and a small index of
 * the agent's own phrasings, built here whenever they change (utils/panel/personal-corpus.ts). Loaded by
 * the panel in its own chunk with the engine, after the box takes typing.
 */
import type { Corpus } from '../panel/api';
import { combineCorpus, personalCorpus } from '../panel/personal-corpus';
import { activeCorpus } from './index-cache';
import { readPersonalCorpus } from './personal-store';

export async function corpusWithPersonal(): Promise<Corpus> {
  const [team, mine] = await Promise.all([activeCorpus(), readPersonalCorpus()]);
  return mine.records.length ? combineCorpus(team, personalCorpus(mine.records, mine.pinyin)) : team;
}
