/** Text with search matches wrapped in <mark>. Pack text is untrusted: it is only ever rendered as text. */

import { segments } from '../../utils/panel/highlight';
import type { Range } from '../../utils/search/types';

export function Highlight({ text, ranges = [] }: { text: string; ranges?: readonly Range[] }) {
  if (ranges.length === 0) return <>{text}</>;
  return (
    <>
      {segments(text, ranges).map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order; the position is the identity.
        s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}
