/** The triangle of a disclosure button (`.disclosure`): points right when folded, down when open (style.css). */
export function DisclosureMark() {
  return (
    <svg class="disclosure-mark" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="currentColor">
      <path d="M5 3l7 5-7 5z" />
    </svg>
  );
}
