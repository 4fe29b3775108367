/**
 * Deterministic shuffles: the same item on the same day is presented the same way, so closing and
 * reopening the popup (it closes on every blur) shows the options in the order the agent already saw.
 */
import { hashString, mulberry32 } from '../text/hash';

/** A seeded PRNG returning floats in [0, 1), seeded by a string (item id and day). */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashString(seed));
}

/** Fisher–Yates with a seeded PRNG; returns a new array. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = items.slice();
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A shuffle that is never the identity when that is possible: an ordering question presented already in
 * order would be answered by pressing Enter.
 */
export function seededDerangedShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = seededShuffle(items, seed);
  if (items.length > 1 && out.every((item, i) => item === items[i])) out.push(out.shift() as T);
  return out;
}
