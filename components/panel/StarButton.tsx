/** The favorite toggle beside an entry's title. */
interface Props {
  starred: boolean;
  /** The accessible name for each state: it says what pressing does. */
  label: string;
  onToggle(): void;
}

export function StarButton({ starred, label, onToggle }: Props) {
  return (
    <button type="button" class="coach-star" aria-pressed={starred} aria-label={label} title={label} onClick={onToggle}>
      {starred ? '★' : '☆'}
    </button>
  );
}
