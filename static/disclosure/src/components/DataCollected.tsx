import { Fragment, useId, useState } from 'react';
import type { DataCategory, Declaration, Platform, Retention } from '@declaration';
import {
  describeRetention,
  LABELS,
  statedLegalBases,
  storageOf,
} from '@declaration/present/index.ts';
import { formatList, useLocale } from '../i18n/index.ts';
import { DataTable, Notes, Section, usePlainText, useText } from './common.tsx';
import { ListOf } from './isolate.tsx';

/** Whether the categories differ by platform, so that filtering by platform tells something. */
function differsByPlatform(declaration: Declaration): boolean {
  const declared = new Set(declaration.app.platforms.map((statement) => statement.platform));
  if (declared.size < 2) return false;
  return declaration.dataCategories.some((category) =>
    [...declared].some((platform) => !category.platforms.includes(platform)),
  );
}

/**
 * How long a kind of data is kept, in words. The policy's own words about backups end the
 * description as a sentence of their own; they are the vendor's, so they are rendered isolated.
 */
function RetentionWords({ retention }: { retention: Retention }) {
  const { locale } = useLocale();
  const plain = usePlainText();
  const words = plain(retention.backups?.description).replace(/\.$/, '');
  if (!retention.backups || !words) return describeRetention(retention, locale);
  const backups = { ...retention.backups, description: undefined };
  const rest = describeRetention({ ...retention, backups }, locale).replace(/\.$/, '');
  return (
    <>
      {rest}. <bdi>{words}</bdi>.
    </>
  );
}

function CategoryRow({
  category,
  declaration,
}: {
  category: DataCategory;
  declaration: Declaration;
}) {
  const { locale, t } = useLocale();
  const text = useText();
  const plain = usePlainText();
  const purposes = category.purposes.map((id) => declaration.purposes.find((p) => p.id === id));
  const bases = statedLegalBases(
    category.legalBasis ?? purposes.flatMap((purpose) => purpose?.legalBasis ?? []),
  );
  const storage = storageOf(category);
  const locations = (category.storedIn ?? []).map((id) => {
    const location = declaration.locations.find((l) => l.id === id);
    return location ? plain(location.name) || plain(location.provider) || id : id;
  });
  const recipients = (category.recipients ?? []).map((id) => {
    const recipient = declaration.recipients.find((r) => r.id === id);
    return recipient ? plain(recipient.name) : id;
  });
  const examples = (category.examples ?? []).map(plain);
  const badges = [
    ...(category.personal ? [{ label: t.table.personal, className: 'badge' }] : []),
    ...(category.sensitive ? [{ label: t.table.sensitive, className: 'badge badge-danger' }] : []),
    ...(category.collection === 'optional'
      ? [{ label: t.table.optional, className: 'badge' }]
      : []),
  ];

  return (
    <tr data-testid={`category-${category.id}`}>
      <th scope="row">
        {/* The name's own isolate: a badge after it stays after it. */}
        <bdi className="category-name">{plain(category.name)}</bdi>
        {/* Spaces between name and badges: read apart, and a badge that wraps starts flush. */}
        {badges.map((badge) => (
          <Fragment key={badge.label}>
            {' '}
            <span className={badge.className}>{badge.label}</span>
          </Fragment>
        ))}
        {category.description && <p className="cell-note">{text(category.description)}</p>}
        {examples.length > 0 && (
          <p className="cell-note">
            {t.table.examples}: <ListOf items={examples} />
          </p>
        )}
        {category.howToDisable && (
          <p className="cell-note">
            {t.table.howToDisable}: {text(category.howToDisable)}
          </p>
        )}
        <Notes notes={category.notes} />
      </th>
      <td>
        {formatList(
          category.subjects.map((s) => LABELS.dataSubject[s]),
          locale,
        )}
      </td>
      <td>
        <ListOf
          items={purposes.map((purpose, index) =>
            purpose ? plain(purpose.name) : category.purposes[index]!,
          )}
        />
        {bases.length > 0 && (
          <p className="cell-note">
            {t.table.legalBasis}:{' '}
            {formatList(
              bases.map((b) => LABELS.legalBasis[b]),
              locale,
            )}
          </p>
        )}
      </td>
      <td>
        {storage === 'stated' ? (
          <ListOf items={locations} />
        ) : storage === 'not-stored' ? (
          t.table.notStored
        ) : (
          t.table.notStated
        )}
      </td>
      <td data-testid="retention">
        <RetentionWords retention={category.retention} />
      </td>
      <td>{recipients.length > 0 ? <ListOf items={recipients} /> : t.table.nobody}</td>
    </tr>
  );
}

/** A real table with a row per kind of data: what, whose, why, where, how long, shared with. */
export function DataCollected({ declaration }: { declaration: Declaration }) {
  const { t } = useLocale();
  const filterId = useId();
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const showFilter = differsByPlatform(declaration);
  const platforms = [...new Set(declaration.app.platforms.map((statement) => statement.platform))];
  const categories = declaration.dataCategories.filter(
    (category) => platform === 'all' || category.platforms.includes(platform),
  );

  return (
    <Section id="data-collected" title={t.sections.dataCollected}>
      {declaration.dataCategories.length === 0 ? (
        <p data-testid="no-data-collected">{t.table.noneCollected}</p>
      ) : (
        <>
          {showFilter && (
            <div className="filter">
              <label htmlFor={filterId}>{t.table.filterLabel}</label>
              <select
                id={filterId}
                data-testid="platform-filter"
                value={platform}
                onChange={(event) => setPlatform(event.target.value as Platform | 'all')}
              >
                <option value="all">{t.table.allPlatforms}</option>
                {platforms.map((p) => (
                  <option key={p} value={p}>
                    {LABELS.platform[p]}
                  </option>
                ))}
              </select>
            </div>
          )}
          <DataTable
            label={t.table.caption}
            columns={[
              t.table.what,
              t.table.whose,
              t.table.why,
              t.table.where,
              t.table.howLong,
              t.table.sharedWith,
            ]}
            testId="data-table"
            caption={t.table.caption}
          >
            {categories.map((category) => (
              <CategoryRow key={category.id} category={category} declaration={declaration} />
            ))}
          </DataTable>
          {categories.length === 0 && <p>{t.table.noneOnPlatform}</p>}
        </>
      )}
    </Section>
  );
}
