import { useId } from 'react';
import type { Declaration, Section as SectionModel } from '@declaration';
import { label } from '@declaration/present/labels.ts';
import { FILTER_NONE_ATTRIBUTE, PLATFORM_FILTER_TESTID } from '../document-behaviour.ts';
import { useT } from '../i18n/index.ts';
import { Flow } from './blocks/Flow.tsx';
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
 * its rows and the details of each kind of data, when the kinds differ by platform. Every part
 * is drawn, each saying the platforms it is about; choosing a platform hides the others' (the
 * page's document behaviour does, on the markup: see document-behaviour.ts), and says so when no
 * kind of data is collected on it.
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
  const filtered = differsByPlatform(declaration);
  const platforms = [...new Set(declaration.app.platforms.map((statement) => statement.platform))];
  const collectedOn = [...new Set(declaration.dataCategories.flatMap((c) => c.platforms))];
  return (
    <Section id={section.id} title={section.title}>
      {filtered && (
        <div className="filter">
          <label htmlFor={filterId}>{t.t('filter.label')}</label>
          <select id={filterId} data-testid={PLATFORM_FILTER_TESTID} defaultValue="all">
            <option value="all">{t.t('filter.all')}</option>
            {platforms.map((p) => (
              <option key={p} value={p}>
                {label(t, 'platform', p)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Flow blocks={section.blocks} options={{ level: 3 }} />
      {filtered && (
        <p hidden {...{ [FILTER_NONE_ATTRIBUTE]: collectedOn.join(' ') }}>
          {t.t('filter.none')}
        </p>
      )}
    </Section>
  );
}
