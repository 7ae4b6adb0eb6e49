import type { Declaration } from '@declaration';
import { LABELS, policyVersionText } from '@declaration/present/index.ts';
import { formatDate, useLocale } from '../i18n/index.ts';
import { Fact, Section, TextList, useText } from './common.tsx';
import { isolate } from './isolate.tsx';

/** Whether the policy says anything beyond its version and date that deserves its own block. */
export function hasAboutPolicy(declaration: Declaration): boolean {
  const policy = declaration.policy;
  return !!(policy.scope || policy.changeNotice || policy.effectiveDate || policy.notes?.length);
}

/**
 * The policy itself: what it covers, since when, how changes are announced, and the declaration's
 * notes on it (where the policy is vague or silent), which otherwise have no home on the page.
 */
export function AboutPolicy({ declaration }: { declaration: Declaration }) {
  const { locale, t } = useLocale();
  const text = useText();
  const policy = declaration.policy;
  const a = t.aboutPolicy;
  if (!hasAboutPolicy(declaration)) return null;
  return (
    <Section id="about-policy" title={t.sections.aboutPolicy}>
      <dl className="facts">
        <Fact term={a.scope}>{text(policy.scope)}</Fact>
        <Fact term={a.version}>{isolate(policyVersionText(policy.version))}</Fact>
        <Fact term={a.effective}>
          {policy.effectiveDate && formatDate(policy.effectiveDate, locale)}
        </Fact>
        <Fact term={a.lastUpdated}>
          {formatDate(policy.lastUpdated, locale)}
          {policy.lastUpdatedSource === 'declaration' &&
            ` (${LABELS.lastUpdatedSource.declaration})`}
        </Fact>
        <Fact term={a.changeNotice}>{text(policy.changeNotice)}</Fact>
      </dl>
      {policy.notes && policy.notes.length > 0 && (
        <>
          <h3>{a.notes}</h3>
          <TextList items={policy.notes} />
        </>
      )}
    </Section>
  );
}
