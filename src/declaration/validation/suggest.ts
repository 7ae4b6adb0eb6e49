/** Levenshtein distance between two strings (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The option a vendor most likely meant by `written`, or undefined when none is close enough.
 * A case-only difference always counts; otherwise up to a third of the word may differ (at least
 * two edits), so `retentoin` finds `retention` but `foo` does not find `for`-like noise.
 */
export function closestMatch(written: string, options: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  const caseOnly = options.find((option) => option.toLowerCase() === lower);
  if (caseOnly !== undefined) return caseOnly;
  const limit = Math.max(2, Math.floor(written.length / 3));
  let best: { option: string; distance: number } | undefined;
  for (const option of options) {
    const distance = editDistance(lower, option.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) {
      best = { option, distance };
    }
  }
  return best?.option;
}
