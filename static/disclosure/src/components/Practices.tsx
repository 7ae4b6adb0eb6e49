import type { Declaration } from '@declaration';
import { describeDuration, LABELS } from '@declaration/present/index.ts';
import { formatList, useLocale } from '../i18n/index.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { DataTable, Notes, Section, TextList, useText } from './common.tsx';

/** Cookies and trackers on the app, website, documentation or e-mail. */
export function Cookies({ declaration }: { declaration: Declaration }) {
  const { locale, t } = useLocale();
  const text = useText();
  const c = t.cookies;
  const cookies = declaration.cookies ?? [];
  if (cookies.length === 0) return null;
  return (
    <Section id="cookies" title={t.sections.cookies}>
      <DataTable
        label={t.sections.cookies}
        columns={[c.name, c.purpose, c.category, c.party, c.where, c.duration]}
      >
        {cookies.map((cookie, index) => (
          <tr key={index}>
            <th scope="row">{text(cookie.name)}</th>
            <td>
              {text(cookie.purpose)}
              {cookie.optOut && (
                <p className="cell-note">
                  <ExternalLink href={cookie.optOut}>{c.optOut}</ExternalLink>
                </p>
              )}
              <Notes notes={cookie.notes} />
            </td>
            <td>{LABELS.cookieCategory[cookie.category]}</td>
            <td>
              {LABELS.cookieParty[cookie.party]}
              {cookie.provider && ': '}
              {text(cookie.provider)}
            </td>
            <td>
              {formatList(
                cookie.where.map((w) => LABELS.cookieWhere[w]),
                locale,
              )}
            </td>
            <td data-testid="cookie-duration">
              {cookie.duration ? describeDuration(cookie.duration) : c.notStated}
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

/** What the vendor says it does not collect, with exceptions. */
export function NotCollected({ declaration }: { declaration: Declaration }) {
  const { locale, t } = useLocale();
  const text = useText();
  const items = declaration.notCollected ?? [];
  if (items.length === 0) return null;
  return (
    <Section id="not-collected" title={t.sections.notCollected}>
      <ul>
        {items.map((item, index) => (
          <li key={index}>
            {text(item.what)}
            {item.platforms && (
              <span className="cell-note">
                {' '}
                (
                {formatList(
                  item.platforms.map((p) => LABELS.platform[p]),
                  locale,
                )}
                )
              </span>
            )}
            {item.exceptions && (
              <p className="cell-note">
                {t.exceptions}: {text(item.exceptions)}
              </p>
            )}
            <Notes notes={item.notes} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Promises the vendor makes, e.g. never selling personal data. */
export function Commitments({ declaration }: { declaration: Declaration }) {
  const { t } = useLocale();
  if (!declaration.commitments || declaration.commitments.length === 0) return null;
  return (
    <Section id="commitments" title={t.sections.commitments}>
      <TextList items={declaration.commitments} />
    </Section>
  );
}
