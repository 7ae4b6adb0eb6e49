import type { MaterialChange, RetentionSpan } from './api.ts';
import { run, words } from './document/blocks.ts';
import { say, sayPlural } from './document/compose.ts';
import type { Inline } from './document/model.ts';
import type { Translator } from './i18n/index.ts';
import { countryName } from './present/localize.ts';
import { describeBoundedDuration, describeDuration } from './present/retention.ts';
import type { Text } from './schema/index.ts';

/**
 * A material change in the words an admin reads, in the translator's language: "Data is now
 * stored in Germany", "New subprocessor: Amazon Web Services", "Hosting moved: Google Cloud →
 * Amazon Web Services (Main database)", "Kept longer: Operation data, up to 2 years (was up to
 * 90 days)". The vendor's names are vendor runs, set apart from the app's words; countries are
 * named in the reader's language. No id is ever shown.
 */
export function materialChangeText(change: MaterialChange, t: Translator): Inline {
  const name = (text: Text) => run(text, t.locale);
  switch (change.kind) {
    case 'country':
      return say(t, `material.country.${change.change}.${change.role}`, {
        country: countryName(change.country, t.locale),
      });
    case 'hosting':
      return hostingText(change, t);
    case 'recipient':
      return say(t, `material.recipient.${change.change}.${recipientKind(change.recipientKind)}`, {
        name: name(change.name),
      });
    case 'personal-data':
      return say(t, personalDataKey(change), { name: name(change.name) });
    case 'retention':
      return say(t, `material.retention.${change.change}`, {
        name: name(change.name),
        before: spanText(change.before, t),
        after: spanText(change.after, t),
      });
    case 'residency':
      if (change.name === null) {
        return say(
          t,
          change.change === 'gained'
            ? 'material.residency.appGained'
            : 'material.residency.appLost',
        );
      }
      return say(t, `material.residency.${change.change}`, { name: name(change.name) });
    case 'egress': {
      const key = change.remote
        ? change.change === 'added'
          ? 'material.egress.remoteAdded'
          : 'material.egress.remoteRemoved'
        : (`material.egress.${change.change}` as const);
      return say(t, key, { target: words(change.target) });
    }
    case 'rights':
      return say(t, 'material.rights');
    case 'contacts':
      return say(t, 'material.contacts');
  }
}

/** "3 material changes", for the review banner and the versions list. */
export function materialCountText(count: number, t: Translator): Inline {
  return sayPlural(t, 'material.count', count);
}

/** A format kind the catalogue does not know (a newer format's) reads as a recipient. */
function recipientKind(kind: string): 'subprocessor' | 'recipient' {
  return kind === 'subprocessor' ? 'subprocessor' : 'recipient';
}

function personalDataKey(change: Extract<MaterialChange, { kind: 'personal-data' }>) {
  switch (change.change) {
    case 'added':
      return change.sensitive
        ? 'material.personalData.addedSensitive'
        : 'material.personalData.added';
    case 'now-personal':
      return 'material.personalData.nowPersonal';
    case 'now-sensitive':
      return 'material.personalData.nowSensitive';
  }
}

/**
 * A location added, removed or moved: a move names the provider on each side when it changed
 * ("Google Cloud → Amazon Web Services"), and only the location when the provider stayed and its
 * region or country moved.
 */
function hostingText(change: Extract<MaterialChange, { kind: 'hosting' }>, t: Translator): Inline {
  const location = run(change.location, t.locale);
  const { before, after } = change.provider;
  const provider = (text: Text | null) => (text === null ? [] : run(text, t.locale));
  if (change.change === 'added') {
    return after === null || sameText(after, change.location)
      ? say(t, 'material.hosting.added', { location })
      : say(t, 'material.hosting.addedWith', { location, provider: provider(after) });
  }
  if (change.change === 'removed') return say(t, 'material.hosting.removed', { location });
  if (before !== null && after !== null && !sameText(before, after)) {
    return say(t, 'material.hosting.moved', {
      before: provider(before),
      after: provider(after),
      location,
    });
  }
  if (before === null && after !== null) {
    return say(t, 'material.hosting.movedTo', { after: provider(after), location });
  }
  if (before !== null && after === null) {
    return say(t, 'material.hosting.movedFrom', { before: provider(before), location });
  }
  return say(t, 'material.hosting.changed', { location });
}

function sameText(a: Text, b: Text): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * How long a retention keeps data, short enough for a parenthesis: "up to 2 years", "at least 7
 * years", "about 6 months", or what ends it when it has no period ("until you ask for deletion").
 */
function spanText(span: RetentionSpan, t: Translator): string {
  if (span.period === null || span.basis === 'indefinitely' || span.basis === 'not-stored') {
    return t.t(`material.retention.basis.${span.basis}`);
  }
  if (span.bound === undefined || span.bound === 'at-most') {
    return t.t('material.retention.upTo', { duration: describeDuration(span.period, t) });
  }
  return describeBoundedDuration(span.period, span.bound, t);
}
