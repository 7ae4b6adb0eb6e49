import type { Translator } from '../i18n/index.ts';
import type { PublishedManifestFacts } from '../manifest/published.ts';
import type { EgressKind } from '../manifest/types.ts';
import { words } from './blocks.ts';
import { listOf, say } from './compose.ts';
import type { Inline } from './model.ts';

/** The catalogue's name of each egress list (`value.egressKind.*`). */
export const EGRESS_KIND_KEYS = {
  'fetch.backend': 'fetchBackend',
  'fetch.client': 'fetchClient',
  images: 'images',
  media: 'media',
  scripts: 'scripts',
  styles: 'styles',
  fonts: 'fonts',
  frames: 'frames',
  navigation: 'navigation',
} as const satisfies Record<EgressKind, string>;

/** The catalogue's name of each Runs on Atlassian criterion (`value.roaCriterion.*`). */
const CRITERION_KEYS = {
  remote: 'remote',
  connect: 'connect',
  egress: 'egress',
  'web-trigger': 'webTrigger',
  'storage-residency': 'storageResidency',
} as const;

type Criterion = keyof typeof CRITERION_KEYS;

/** An egress list's name in the reader's words: "backend fetch", "images". */
export function egressKindLabel(kind: EgressKind, translator: Translator): string {
  return translator.t(`value.egressKind.${EGRESS_KIND_KEYS[kind]}`);
}

/** A Runs on Atlassian criterion in the reader's words: "a remote". */
export function criterionLabel(criterion: Criterion, translator: Translator): string {
  return translator.t(`value.roaCriterion.${CRITERION_KEYS[criterion]}`);
}

/** "api.example.com (backend fetch)": each host once, with every list that names it. */
function domainLines(facts: PublishedManifestFacts, translator: Translator): Inline {
  const kinds = new Map<string, EgressKind[]>();
  for (const entry of facts.egress) {
    // A link the user opens is not data the app sends.
    if (entry.kind === 'navigation') continue;
    const listed = kinds.get(entry.host) ?? [];
    if (!listed.includes(entry.kind)) listed.push(entry.kind);
    kinds.set(entry.host, listed);
  }
  return listOf(
    translator,
    [...kinds].map(([host, of]) =>
      say(translator, 'value.withDetail', {
        value: words(host),
        detail: listOf(
          translator,
          of.map((kind) => [egressKindLabel(kind, translator)]),
        ),
      }),
    ),
  );
}

function remoteLine(facts: PublishedManifestFacts, translator: Translator): Inline {
  if (facts.remotes.length === 0) return [translator.t('summary.manifestNoRemote')];
  const remotes = facts.remotes.map((remote) => {
    const hosts = listOf(
      translator,
      remote.hosts.map((host) => words(host)),
    );
    return hosts.length > 0
      ? say(translator, 'value.withDetail', { value: words(remote.key), detail: hosts })
      : words(remote.key);
  });
  return say(translator, 'summary.manifestRemotes', { remotes: listOf(translator, remotes) });
}

/** What an entry names, without the manifest list it is in: `remotes: radar-service` → `radar-service`. */
function entryName(entry: string): string {
  const colon = entry.indexOf(': ');
  return colon === -1 ? entry : entry.slice(colon + 2);
}

/** "no, because of a remote (radar-service)": each criterion once, with what it names. */
function runsOnAtlassianLine(facts: PublishedManifestFacts, translator: Translator): Inline {
  const { eligible, blockers } = facts.runsOnAtlassian;
  if (eligible) return [translator.t('summary.manifestRunsOnAtlassian')];
  const byCriterion = new Map<Criterion, string[]>();
  for (const blocker of blockers) {
    byCriterion.set(blocker.criterion, [
      ...(byCriterion.get(blocker.criterion) ?? []),
      blocker.entry,
    ]);
  }
  const reasons = [...byCriterion].map(([criterion, entries]) =>
    say(translator, 'value.withDetail', {
      value: criterionLabel(criterion, translator),
      detail: listOf(
        translator,
        [...new Set(entries.map(entryName))].map((name) => words(name)),
      ),
    }),
  );
  return say(translator, 'summary.manifestNotRunsOnAtlassian', {
    reasons: listOf(translator, reasons),
  });
}

/**
 * What the app's manifest showed when the version was built, beside what the vendor declares:
 * the domains it sends data to, its remotes, Runs on Atlassian and what prevents it. Null facts
 * (a version published before they were bundled) say it was not checked against a manifest.
 */
export function manifestLines(
  facts: PublishedManifestFacts | null,
  translator: Translator,
): Inline[] {
  if (!facts) return [[translator.t('summary.manifestNotChecked')]];
  const domains = domainLines(facts, translator);
  return [
    domains.length > 0
      ? say(translator, 'summary.manifestSendsTo', { domains })
      : // Remotes are where data goes then: "no domain outside Atlassian" would say otherwise.
        facts.remotes.length > 0
        ? []
        : [translator.t('summary.manifestNoEgress')],
    remoteLine(facts, translator),
    runsOnAtlassianLine(facts, translator),
  ];
}
