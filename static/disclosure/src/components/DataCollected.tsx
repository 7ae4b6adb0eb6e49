import { useId, useState } from 'react';
import type { Declaration, Platform, Section as SectionModel } from '@declaration';
import { label } from '@declaration/present/labels.ts';
import { useT } from '../i18n/index.ts';
import { Flow } from './blocks/index.ts';
import { Section } from './common.tsx';

/** Whether the categories differ by platform, so that filtering by platform tells something. */
function differsByPlatform(declaration: Declaration): boolean {
  const declared = new Set(declaration.app.platforms.map((statement) => statement.platform));
  if (declared.size < 2) return false;
  return declaration.dataCategories.some((category) =>
    [...declared].some((platform) => !category.platforms.includes(platform)),
  );
}

/**
 * The model's "Data collected" section with the one thing the page adds: a platform filter over
 * its rows and the details of each kind of data, when the kinds differ by platform.
 */
export function DataCollected({
  section,
  declaration,
}: {
  section: SectionModel;
  declaration: Declaration;
}) {
  const t = useT();
  const filterId = useId();
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const platforms = [...new Set(declaration.app.platforms.map((statement) => statement.platform))];
  const show = (about: readonly Platform[] | undefined) =>
    platform === 'all' || !about || about.includes(platform);
  const nothingShown =
    platform !== 'all' &&
    !declaration.dataCategories.some((category) => category.platforms.includes(platform));
  return (
    <Section id={section.id} title={section.title}>
      {differsByPlatform(declaration) && (
        <div className="filter">
          <label htmlFor={filterId}>{t.t('filter.label')}</label>
          <select
            id={filterId}
            data-testid="platform-filter"
            value={platform}
            onChange={(event) => setPlatform(event.target.value as Platform | 'all')}
          >
            <option value="all">{t.t('filter.all')}</option>
            {platforms.map((p) => (
              <option key={p} value={p}>
                {label(t, 'platform', p)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Flow blocks={section.blocks} options={{ level: 3, show }} />
      {nothingShown && <p>{t.t('filter.none')}</p>}
    </Section>
  );
}
