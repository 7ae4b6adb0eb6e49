import type { MessageKey, Translator } from '../i18n/index.ts';
import { label } from '../present/labels.ts';
import type { Certification, Declaration, Security, SecurityProgramme } from '../schema/index.ts';
import {
  definitions,
  headed,
  joinedList,
  labelledNote,
  link,
  list,
  notes,
  paragraph,
  run,
  runs,
  withDetail,
} from './blocks.ts';
import { hasText, say } from './compose.ts';
import type { Block, Flow, Section } from './model.ts';

/** What a security programme is, as its label. */
const PROGRAMME: Record<SecurityProgramme['kind'], MessageKey> = {
  'bug-bounty': 'value.programme.bug-bounty',
  'vulnerability-disclosure': 'value.programme.vulnerability-disclosure',
};

type PenetrationTests = NonNullable<Security['penetrationTests']>;

/** How often penetration tests run. */
const PEN_TEST_FREQUENCY: Record<NonNullable<PenetrationTests['frequency']>, MessageKey> = {
  continuous: 'value.penTestFrequency.continuous',
  quarterly: 'value.penTestFrequency.quarterly',
  'twice-a-year': 'value.penTestFrequency.twice-a-year',
  yearly: 'value.penTestFrequency.yearly',
  'on-release': 'value.penTestFrequency.on-release',
  'not-stated': 'value.penTestFrequency.not-stated',
};

/** Who runs penetration tests. */
const PEN_TEST_BY: Record<NonNullable<PenetrationTests['by']>, MessageKey> = {
  internal: 'value.penTestBy.internal',
  'third-party': 'value.penTestBy.third-party',
  both: 'value.penTestBy.both',
  'not-stated': 'value.penTestBy.not-stated',
};

/** A certification, linked where it has an address, with what it covers and its notes. */
function certificationItem(certification: Certification, translator: Translator): Flow {
  const locale = translator.locale;
  const name = run(certification.name, locale);
  return [
    ...paragraph(certification.url ? link(certification.url, name) : name),
    ...labelledNote(
      translator,
      'label.covers',
      joinedList(translator, runs(certification.covers, locale)),
    ),
    ...notes(translator, certification.notes, locale),
  ];
}

/**
 * "Bug bounty: Atlassian Marketplace Bug Bounty", the platform linked to the programme's address
 * (or the address itself without a platform), and what it covers.
 */
function programmeItem(programme: SecurityProgramme, translator: Translator): Flow {
  const locale = translator.locale;
  const kind = [translator.t(PROGRAMME[programme.kind])];
  const platform = run(programme.platform, locale);
  const where = programme.url
    ? link(programme.url, hasText(platform) ? platform : undefined)
    : platform;
  return [
    ...paragraph(
      hasText(where) ? say(translator, 'value.labelled', { label: kind, value: where }) : kind,
    ),
    ...labelledNote(translator, 'label.scope', run(programme.scope, locale)),
  ];
}

/** How often penetration tests run, by whom, and the policy's words about them. */
function penetrationTestBlocks(tests: PenetrationTests | undefined, translator: Translator) {
  if (!tests) return [];
  return headed(translator, 'label.penetrationTests', [
    ...definitions(translator, [
      [
        'label.penTestFrequency',
        tests.frequency ? [translator.t(PEN_TEST_FREQUENCY[tests.frequency])] : [],
      ],
      ['label.penTestBy', tests.by ? [translator.t(PEN_TEST_BY[tests.by])] : []],
    ]),
    ...paragraph(run(tests.description, translator.locale)),
  ]);
}

/** Whether the app is Cloud Fortified ("Yes (Exalate for Jira Cloud)"), and the security contact. */
function securityFacts(security: Security, translator: Translator): Block[] {
  const fortified = security.cloudFortified;
  return definitions(translator, [
    [
      'label.cloudFortified',
      fortified
        ? withDetail(
            translator,
            [label(translator, 'tristate', fortified.status)],
            joinedList(translator, runs(fortified.apps, translator.locale)),
          )
        : [],
    ],
    ['label.securityContact', link(security.securityContact, undefined, 'security-contact')],
  ]);
}

/**
 * Security measures, certifications and what they cover, Cloud Fortified, the security contact,
 * bug bounty and disclosure programmes, penetration tests, incident notification and stated
 * limits; null without.
 */
export function securitySection(declaration: Declaration, translator: Translator): Section | null {
  const security = declaration.security;
  if (!security) return null;
  const locale = translator.locale;
  const certifications = (security.certifications ?? []).map((certification) =>
    certificationItem(certification, translator),
  );
  const programmes = (security.programmes ?? []).map((programme) =>
    programmeItem(programme, translator),
  );
  const blocks: Block[] = [
    // Facts of a line each come first, under the section's own heading rather than another's.
    ...securityFacts(security, translator),
    ...headed(translator, 'label.measures', list(runs(security.measures, locale))),
    ...headed(
      translator,
      'label.certifications',
      certifications.length > 0 ? [{ kind: 'list', items: certifications }] : [],
    ),
    ...headed(
      translator,
      'label.programmes',
      programmes.length > 0 ? [{ kind: 'list', items: programmes }] : [],
    ),
    ...penetrationTestBlocks(security.penetrationTests, translator),
    ...headed(translator, 'label.incidents', paragraph(run(security.incidentNotification, locale))),
    ...headed(translator, 'label.limits', list(runs(security.disclaimers, locale))),
    ...notes(translator, security.notes, locale),
  ];
  // A security block with nothing in it would be a heading over nothing.
  if (blocks.length === 0) return null;
  return { id: 'security', title: translator.t('section.security'), blocks };
}
