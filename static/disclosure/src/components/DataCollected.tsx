import { Fragment, useId, useState } from 'react';
import type { DataCategory, Declaration, Platform } from '@declaration';
import {
  describeRetention,
  LABELS,
  statedLegalBases,
  storageOf,
} from '@declaration/present/index.ts';
import { formatList, useLocale } from '../i18n/index.ts';
import { DataTable, Notes, Section, useText } from './common.tsx';

/** Whether the categories differ by platform, so that filtering by platform tells something. */
function differsByPlatform(declaration: Declaration): boolean {
  const declared = new Set(declaration.app.platforms.map((statement) => statement.platform));
  if (declared.size < 2) return false;
  return declaration.dataCategories.some((category) =>
    [...declared].some((platform) => !category.platforms.includes(platform)),
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
  const purposes = category.purposes.map((id) => declaration.purposes.find((p) => p.id === id));
  const bases = statedLegalBases(
    category.legalBasis ?? purposes.flatMap((purpose) => purpose?.legalBasis ?? []),
  );
  const storage = storageOf(category);
  const locations = (category.storedIn ?? []).map((id) => {
    const location = declaration.locations.find((l) => l.id === id);
    return location ? text(location.name) || text(location.provider) || id : id;
  });
  const recipients = (category.recipients ?? []).map((id) => {
    const recipient = declaration.recipients.find((r) => r.id === id);
    return recipient ? text(recipient.name) : id;
  });
  const examples = (category.examples ?? []).map(text);
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
        <span className="category-name">{text(category.name)}</span>
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
            {t.table.examples}: {formatList(examples, locale)}
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
        {formatList(
          purposes.map((purpose, index) =>
            purpose ? text(purpose.name) : category.purposes[index]!,
          ),
          locale,
        )}
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
        {storage === 'stated'
          ? formatList(locations, locale)
          : storage === 'not-stored'
            ? t.table.notStored
            : t.table.notStated}
      </td>
      <td data-testid="retention">{describeRetention(category.retention, locale)}</td>
      <td>{recipients.length > 0 ? formatList(recipients, locale) : t.table.nobody}</td>
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
