/**
 * Design token themes cut down to the tokens the page uses. Each @atlaskit/tokens theme defines
 * every token Atlassian has (the light one about 500, 20 KB); the page and the CSS reset use a
 * few dozen. The UI build keeps only those (see `static/disclosure/vite.config.ts`), and checks
 * that the built page refers to no token it dropped.
 */

const TOKEN = /--ds-[\w-]+/g;

/** The design tokens (`--ds-*` custom properties) named anywhere in `text`. */
export function tokensNamedIn(text: string): Set<string> {
  return new Set(text.match(TOKEN) ?? []);
}

/** One theme's rule: its selector list and its declarations, in order. */
interface ThemeRule {
  selector: string;
  declarations: { property: string; value: string }[];
}

/**
 * Reads a token theme's CSS: one rule whose declarations are `property: value;`. Anything else
 * is an Error naming the theme, so a new @atlaskit/tokens release with another shape fails the
 * build instead of shipping a theme with tokens missing.
 */
export function parseTheme(name: string, css: string): ThemeRule {
  const open = css.indexOf('{');
  const close = css.lastIndexOf('}');
  const body = css.slice(open + 1, close);
  if (open < 0 || close < open || css.slice(close + 1).trim() || /[{}]/.test(body)) {
    throw new Error(`${name}: a token theme must be one CSS rule; this one is not.`);
  }
  const declarations = body
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon <= 0) throw new Error(`${name}: "${part}" is not a CSS declaration.`);
      return { property: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() };
    });
  return { selector: css.slice(0, open).trim(), declarations };
}

/** The tokens a theme defines. */
export function tokensDefinedBy(name: string, css: string): Set<string> {
  const { declarations } = parseTheme(name, css);
  return new Set(declarations.map(({ property }) => property).filter((p) => p.startsWith('--ds-')));
}

/**
 * The theme with only the tokens in `used`, and the tokens their values refer to; declarations
 * that are not tokens (`color-scheme`) stay. The selector is kept as it is, so the theme applies
 * exactly when the full one would.
 */
export function subsetTheme(name: string, css: string, used: ReadonlySet<string>): string {
  const { selector, declarations } = parseTheme(name, css);
  const keep = new Set(used);
  // A kept token whose value is another token keeps that one too, until nothing more is added.
  for (let size = -1; size !== keep.size;) {
    size = keep.size;
    for (const { property, value } of declarations) {
      if (keep.has(property)) for (const token of tokensNamedIn(value)) keep.add(token);
    }
  }
  const kept = declarations.filter(
    ({ property }) => !property.startsWith('--ds-') || keep.has(property),
  );
  return `${selector}{${kept.map(({ property, value }) => `${property}:${value}`).join(';')}}`;
}
