/**
 * The .gitignore entry for the UI copy: `build` copies the package's prebuilt UI in, so it is
 * generated, like node_modules. Pure.
 */

/** The text of .gitignore with the UI folder ignored, or the same text when it already is. */
export function planGitignore(text: string | undefined, uiPath: string): string {
  const folder = uiPath.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  const ignored = (text ?? '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^\//, '')
        .replace(/\/(\*\*?)?$/, ''),
    )
    .some((line) => line === folder);
  if (ignored) return text ?? '';
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  const entry = `# Privacy Disclosure: its prebuilt UI, copied in by privacy-disclosure build${eol}/${folder}/${eol}`;
  if (!text) return entry;
  return `${text}${/\r?\n$/.test(text) ? '' : eol}${entry}`;
}
