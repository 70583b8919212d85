/**
 * Arrows that follow the reading direction: "back" points to where a line starts (left in
 * English and French, right in Arabic), "forward" to where it ends. Decorative: the link's
 * words say where it goes.
 */
export function BackArrow() {
  return (
    <span aria-hidden className="inline-block rtl:-scale-x-100">
      ←
    </span>
  );
}

export function ForwardArrow() {
  return (
    <span aria-hidden className="inline-block rtl:-scale-x-100">
      →
    </span>
  );
}
