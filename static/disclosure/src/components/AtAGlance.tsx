import type { Declaration } from '@declaration';
import { countryName, LABELS, policyVersionText, summarize } from '@declaration/present/index.ts';
import { formatDate, formatList, useLocale } from '../i18n/index.ts';
import { Section } from './common.tsx';
import { isolate, ListOf } from './isolate.tsx';

/** The nutrition label: the facts an admin needs in ten seconds, before any detail. */
export function AtAGlance({ declaration }: { declaration: Declaration }) {
  const { locale, t } = useLocale();
  const g = t.glance;
  const facts = summarize(declaration, locale);
  const countries = (codes: string[]) => codes.map((code) => countryName(code, locale));
  const { hosting, retention } = facts;
  const hostedIn = [...countries(hosting.countries), ...hosting.geographies];
  const backupsIn = [...countries(hosting.backupCountries), ...hosting.backupGeographies];
  const stored = declaration.locations.length > 0;

  return (
    <Section id="at-a-glance" title={t.sections.atAGlance}>
      <dl className="glance">
        <div className="glance-fact" data-testid="glance-personal">
          <dt>{g.personalData}</dt>
          <dd>
            <strong>
              {facts.categories === 0
                ? g.nothingCollected
                : facts.collectsPersonalData
                  ? g.personalYes(facts.personalCategories, facts.categories)
                  : g.personalNo}
            </strong>
            {facts.categories > 0 && (
              <span className="glance-sub">{g.sensitive(facts.sensitiveCategories)}</span>
            )}
          </dd>
        </div>
        <div className="glance-fact" data-testid="glance-hosting">
          <dt>{g.hosted}</dt>
          <dd>
            <strong>
              {!stored ? (
                g.notStored
              ) : hostedIn.length > 0 ? (
                <ListOf items={hostedIn} />
              ) : (
                g.whereNotStated
              )}
            </strong>
            {stored && backupsIn.length > 0 && (
              <span className="glance-sub">{g.backupsIn(<ListOf items={backupsIn} />)}</span>
            )}
            {stored && (
              <span className="glance-sub">
                {hosting.onAtlassianOnly ? g.onAtlassian : g.notOnAtlassian}
              </span>
            )}
            {stored && <span className="glance-sub">{g.residency[hosting.dataResidency]}</span>}
          </dd>
        </div>
        <div className="glance-fact" data-testid="glance-retention">
          <dt>{g.retention}</dt>
          <dd>
            {facts.categories === 0 ? (
              <strong>{g.nothingCollected}</strong>
            ) : (
              <>
                {retention.longest ? (
                  <span className="glance-line">
                    {retention.notStated > 0 ? g.longestStated : g.longest}:{' '}
                    <strong>{retention.longest}</strong>
                  </span>
                ) : (
                  <strong>{g.noRetentionStated}</strong>
                )}
                {retention.typical && retention.typical !== retention.longest && (
                  <span className="glance-line">
                    {g.typical}: <strong>{retention.typical}</strong>
                  </span>
                )}
                {retention.longest && retention.notStated > 0 && (
                  <span className="glance-sub">{g.retentionNotStated(retention.notStated)}</span>
                )}
              </>
            )}
          </dd>
        </div>
        <div className="glance-fact" data-testid="glance-subprocessors">
          <dt>{g.subprocessors}</dt>
          <dd>
            <strong>{g.subprocessorCount(facts.subprocessors.count)}</strong>
            {facts.subprocessors.countries.length > 0 && (
              <span className="glance-sub">
                {g.inCountries(formatList(countries(facts.subprocessors.countries), locale))}
              </span>
            )}
            {facts.subprocessors.withoutCountry > 0 && (
              <span className="glance-sub">
                {g.withoutCountry(facts.subprocessors.withoutCountry)}
              </span>
            )}
            {facts.recipients > facts.subprocessors.count && (
              <span className="glance-sub">
                {g.otherRecipients(facts.recipients - facts.subprocessors.count)}
              </span>
            )}
          </dd>
        </div>
        <div className="glance-fact" data-testid="glance-platforms">
          <dt>{g.platforms}</dt>
          <dd>
            <strong>
              {formatList(
                facts.platforms.map((p) => LABELS.platform[p]),
                locale,
              )}
            </strong>
          </dd>
        </div>
        <div className="glance-fact" data-testid="glance-version">
          <dt>{g.version}</dt>
          <dd>
            <strong>{isolate(policyVersionText(facts.policyVersion))}</strong>
            <span className="glance-sub">{formatDate(facts.lastUpdated, locale)}</span>
          </dd>
        </div>
      </dl>
    </Section>
  );
}
