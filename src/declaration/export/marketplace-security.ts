import { categoriesByIds } from '../document/references.ts';
import type { AccessGrant, Declaration } from '../schema/index.ts';
import type { MarketplaceAnswer } from './marketplace.ts';
import { address, withoutFullStop, type AnswerWords } from './marketplace-words.ts';

/**
 * The questionnaire's answers on vendor access and security: who at the vendor can reach
 * End-User Data and how, certifications and what they cover, Cloud Fortified, and the bug
 * bounty and vulnerability disclosure programmes. Each says "not stated" where the declaration
 * does not say.
 */

/** "Support engineers: Read (Operation Data; Support requests, Incidents; <conditions>)". */
function grantText(declaration: Declaration, grant: AccessGrant, words: AnswerWords): string {
  const { translator, text } = words;
  const data =
    grant.categories === 'all'
      ? translator.t('value.allData')
      : categoriesByIds(declaration, grant.categories)
          .map((category) => text(category.name))
          .join(', ');
  const details = [
    data,
    grant.circumstances.map((when) => translator.t(`value.circumstance.${when}`)).join(', '),
    withoutFullStop(text(grant.conditions)),
  ].filter(Boolean);
  return translator.t('value.withDetail', {
    value: translator.t('value.labelled', {
      label: text(grant.role),
      value: translator.t(`value.access.${grant.access}`),
    }),
    detail: details.join('; '),
  });
}

/** Whether vendor staff can access the Cloud app's data: by role where grants say so. */
function staffAccess(declaration: Declaration, words: AnswerWords): string {
  const { t, text, yesWith } = words;
  const access = declaration.vendorAccess;
  if (!access) return t('notStated');
  const grants = (access.grants ?? []).filter(
    (grant) => !grant.platforms || grant.platforms.includes('cloud'),
  );
  if (grants.length === 0) {
    // Only the vendor's words: who, and when.
    return yesWith(
      [text(access.who), ...(access.when ?? []).map(text)].filter(Boolean),
      t('notStated'),
    );
  }
  const reaching = grants.filter(
    (grant) => grant.access !== 'none' && !grant.circumstances.every((c) => c === 'never'),
  );
  const items = reaching.map((grant) => grantText(declaration, grant, words));
  if (reaching.some((grant) => grant.access === 'read' || grant.access === 'write')) {
    return yesWith(items, t('no'));
  }
  return reaching.length ? t('notStatedFor', { items: items.join('; ') }) : t('no');
}

/** The security answers, each a question with its answer. */
export function marketplaceSecurity(
  declaration: Declaration,
  words: AnswerWords,
): Record<'staffAccess' | 'certifications' | 'cloudFortified' | 'programmes', MarketplaceAnswer> {
  const { t, text, yesWith, translator } = words;
  const security = declaration.security;
  const certifications = (security?.certifications ?? []).map((certification) => {
    const covers = (certification.covers ?? []).map(text).join(', ');
    const name = text(certification.name);
    return covers ? translator.t('value.withDetail', { value: name, detail: covers }) : name;
  });
  const fortified = security?.cloudFortified;
  const programmes = (security?.programmes ?? []).map((programme) => {
    const details = [
      text(programme.platform),
      programme.url ? address(programme.url) : '',
      text(programme.scope),
    ].filter(Boolean);
    const kind = translator.t(`value.programme.${programme.kind}`);
    return details.length
      ? translator.t('value.labelled', { label: kind, value: details.join(', ') })
      : kind;
  });
  const contact = security?.securityContact
    ? t('securityContact', { url: address(security.securityContact) })
    : '';
  return {
    staffAccess: { question: t('staffAccessQuestion'), answer: staffAccess(declaration, words) },
    certifications: {
      question: t('certificationsQuestion'),
      answer: certifications.length
        ? t('certified', { certifications: certifications.join(', ') })
        : t('noCertifications'),
    },
    cloudFortified: {
      question: t('cloudFortifiedQuestion'),
      answer: !fortified
        ? t('notStated')
        : fortified.status === 'yes'
          ? yesWith((fortified.apps ?? []).map(text), t('yes'))
          : t(fortified.status === 'no' ? 'no' : 'notStated'),
    },
    programmes: {
      question: t('programmesQuestion'),
      answer: programmes.length
        ? yesWith([...programmes, contact].filter(Boolean), t('no'))
        : contact
          ? t('noProgrammesContact', { contact })
          : t('noProgrammes'),
    },
  };
}
