/**
 * Saves text as a file. The Custom UI iframe cannot open windows, but an anchor with a
 * `download` attribute pointing at an object URL saves the file inside the sandbox.
 */
export function saveTextFile(
  fileName: string,
  mimeType: string,
  content: string,
  doc: Document = document,
): void {
  const blob = new Blob([content], { type: `${mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // Revoke after the click has been handled; revoking at once can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** A file name part from free text: lower-case letters, digits and hyphens. */
export function fileSlug(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'declaration';
}
