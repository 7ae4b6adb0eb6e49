import { diffDeclarations, type Declaration, type MaterialChange } from '@declaration';
import type { PublishedManifestFacts } from '@declaration/manifest/published.ts';
import { materialChanges } from '@declaration/material.ts';
import { describe, expect, it } from 'vitest';
import { loadExample, readRepoFile } from '../examples/load-example.ts';

const EXAMPLES = [
  'examples/exalate-cloud.yaml',
  'examples/oci-europe-web-service.yaml',
  'examples/open-source-consulting-apps.yaml',
  'examples/techtime-user-management.yaml',
  'examples/upsmith-zendesk-sell-for-jsm.yaml',
  'test/declaration/export/fixtures/exalate-complete.yaml',
];
const declarations = EXAMPLES.map((path) => [path, loadExample(path)] as const);
const exalate = loadExample('examples/exalate-cloud.yaml');
const techtimeV1 = loadExample('test/fixtures/upgrades/techtime-v1.yaml');
const techtimeV2 = loadExample('test/fixtures/upgrades/techtime-v2.yaml');

function edited(edit: (next: Declaration) => void, from: Declaration = exalate): Declaration {
  const next = structuredClone(from);
  edit(next);
  return next;
}

/** The changes of `edit` on exalate, without their refs and names, one line each. */
function brief(changes: MaterialChange[]): string[] {
  return changes.map((change) => {
    switch (change.kind) {
      case 'country':
        return `country ${change.change} ${change.country} ${change.role}`;
      case 'egress':
        return `egress ${change.change} ${change.target}${change.remote ? ' (remote)' : ''}`;
      case 'rights':
      case 'contacts':
        return change.kind;
      default:
        return `${change.kind} ${change.change}`;
    }
  });
}

describe('materialChanges on the upgrade fixture', () => {
  it('keeps v1 a copy of the TechTime example', () => {
    expect(readRepoFile('test/fixtures/upgrades/techtime-v1.yaml')).toBe(
      readRepoFile('examples/techtime-user-management.yaml'),
    );
  });

  it('names the hosting move, the new subprocessor and the longer retention, in that order', () => {
    const changes = materialChanges(techtimeV1, techtimeV2);
    // The move to Sydney also stores data in a country v1 never named: that comes first.
    expect(changes.map((change) => change.kind)).toEqual([
      'country',
      'hosting',
      'recipient',
      'retention',
    ]);
    expect(changes).toEqual([
      {
        kind: 'country',
        change: 'added',
        country: 'AU',
        role: 'stored',
        ref: { section: 'locations', key: 'techtime-cloud-backend' },
      },
      {
        kind: 'hosting',
        change: 'changed',
        location: "TechTime's backend for the cloud apps",
        provider: { before: 'TechTime', after: 'Amazon Web Services' },
        ref: { section: 'locations', key: 'techtime-cloud-backend' },
      },
      {
        kind: 'recipient',
        change: 'added',
        recipientKind: 'subprocessor',
        name: 'Amazon Web Services',
        ref: { section: 'recipients', key: 'aws' },
      },
      {
        kind: 'retention',
        change: 'longer',
        name: 'Atlassian Marketplace order information (item 4)',
        before: { basis: 'until-deletion-request', period: null },
        after: { basis: 'fixed-period', period: 'P7Y', bound: 'at-least' },
        ref: { section: 'retention', key: 'marketplace-orders' },
      },
    ]);
  });

  it('reads the downgrade the other way round, naming what went from the older side', () => {
    expect(brief(materialChanges(techtimeV2, techtimeV1))).toEqual([
      'country removed AU stored',
      'hosting changed',
      'recipient removed',
      'retention shorter',
    ]);
  });
});

describe('materialChanges over the examples', () => {
  it('finds nothing between each example and itself, or a copy with its lists reversed', () => {
    for (const [path, declaration] of declarations) {
      const reversed = edited((next) => {
        next.locations.reverse();
        next.recipients.reverse();
        next.dataCategories.reverse();
        next.transfers?.reverse();
      }, declaration);
      expect(materialChanges(declaration, declaration), path).toEqual([]);
      expect(materialChanges(declaration, reversed), path).toEqual([]);
    }
  });

  it('links every change of every pair to an entry the diff reports', () => {
    let total = 0;
    for (const [fromPath, before] of declarations) {
      for (const [toPath, after] of declarations) {
        if (fromPath === toPath) continue;
        const diff = diffDeclarations(before, after, { from: 1, to: 2 });
        const keys = new Set(diff.entries.map((entry) => `${entry.section} ${entry.key}`));
        for (const change of materialChanges(before, after)) {
          total += 1;
          if (change.ref) {
            expect(keys, `${fromPath} → ${toPath}: ${change.kind}`).toContain(
              `${change.ref.section} ${change.ref.key}`,
            );
          }
        }
      }
    }
    expect(total).toBeGreaterThan(100);
  });

  it('links the fixture upgrade and its downgrade to diff entries', () => {
    for (const [before, after] of [
      [techtimeV1, techtimeV2],
      [techtimeV2, techtimeV1],
    ] as const) {
      const keys = new Set(
        diffDeclarations(before, after, { from: 1, to: 2 }).entries.map(
          (entry) => `${entry.section} ${entry.key}`,
        ),
      );
      const changes = materialChanges(before, after);
      expect(changes.every((change) => change.ref !== null)).toBe(true);
      for (const change of changes)
        expect(keys).toContain(`${change.ref!.section} ${change.ref!.key}`);
    }
  });
});

describe('materialChanges: where data is', () => {
  it('names countries where data is newly backed up or transferred, and those dropped', () => {
    const next = edited((d) => {
      d.locations[0]!.backups!.country = 'DE';
      d.locations[1]!.backups = { ...d.locations[1]!.backups!, country: 'DE' };
      d.transfers = [{ from: 'the EEA', to: ['US'], mechanism: 'data-privacy-framework' }];
    });
    const changes = materialChanges(exalate, next).filter((change) => change.kind === 'country');
    const before = new Set((exalate.transfers ?? []).flatMap((transfer) => transfer.to ?? []));
    expect(brief(changes)).toContain('country added DE backup');
    expect(brief(changes)).toContain('country removed CH backup');
    expect(brief(changes).some((line) => line.endsWith('transfer'))).toBe(
      !(before.size === 1 && before.has('US')),
    );
    expect(changes.find((change) => change.country === 'DE')?.ref).toEqual({
      section: 'locations',
      key: exalate.locations[0]!.id,
    });
  });

  it('counts a region or provider move as hosting, and a note or description as nothing', () => {
    const noted = edited((d) => {
      d.locations[0]!.notes = ['Moved racks inside the same data centre.'];
      d.locations[0]!.holds = 'Everything.';
    });
    expect(materialChanges(exalate, noted)).toEqual([]);
    const moved = edited((d) => {
      d.locations[0]!.regionCode = 'europe-west3';
    });
    expect(materialChanges(exalate, moved)).toEqual([
      {
        kind: 'hosting',
        change: 'changed',
        location: 'Google Cloud, Europe-West1 (Belgium)',
        provider: { before: 'Google Cloud', after: 'Google Cloud' },
        ref: { section: 'locations', key: 'google-cloud-europe-west1' },
      },
    ]);
  });

  it('names a removed location and recipient from the older version', () => {
    const next = edited((d) => {
      d.locations = d.locations.filter((location) => location.id !== 'exalate-support-systems');
      d.recipients = d.recipients.filter((recipient) => recipient.id !== 'rsync-net');
      for (const category of d.dataCategories) {
        category.storedIn = category.storedIn?.filter((id) => id !== 'exalate-support-systems');
        category.recipients = category.recipients?.filter((id) => id !== 'rsync-net');
      }
    });
    const changes = materialChanges(exalate, next);
    expect(changes).toContainEqual({
      kind: 'hosting',
      change: 'removed',
      location: "Exalate's support system and IT systems",
      provider: { before: null, after: null },
      ref: { section: 'locations', key: 'exalate-support-systems' },
    });
    expect(changes).toContainEqual({
      kind: 'recipient',
      change: 'removed',
      recipientKind: 'subprocessor',
      name: exalate.recipients.find((recipient) => recipient.id === 'rsync-net')!.name,
      ref: { section: 'recipients', key: 'rsync-net' },
    });
  });
});

describe('materialChanges: personal data and residency', () => {
  it('names a new sensitive category and one that now holds personal data', () => {
    const next = edited((d) => {
      d.dataCategories[0]!.personal = 'yes';
      d.dataCategories.push({
        ...structuredClone(d.dataCategories[1]!),
        id: 'health-records',
        name: 'Health records',
        sensitive: 'yes',
      });
    });
    expect(materialChanges(exalate, next)).toEqual([
      {
        kind: 'personal-data',
        change: 'now-personal',
        name: 'Account Data',
        sensitive: false,
        ref: { section: 'dataCategories', key: 'account-data' },
      },
      {
        kind: 'personal-data',
        change: 'added',
        name: 'Health records',
        sensitive: true,
        ref: { section: 'dataCategories', key: 'health-records' },
      },
    ]);
  });

  it('says residency is gained or lost for a category, a location and the pinned placement', () => {
    const unpinned = edited((d) => {
      d.locations[0]!.followsDataResidency = 'no';
    });
    const pinned = edited((d) => {
      d.dataCategories[0]!.residency = 'in-scope';
      d.locations[0]!.followsDataResidency = 'yes';
      d.placement = [
        {
          rule: 'pinned-realm',
          realms: [{ realm: 'eu', location: 'google-cloud-europe-west1' }],
          platforms: ['cloud'],
        },
      ];
    });
    expect(brief(materialChanges(unpinned, pinned))).toEqual([
      'residency gained',
      'residency gained',
      'residency gained',
    ]);
    const lost = materialChanges(pinned, unpinned);
    expect(lost.map((change) => change.kind === 'residency' && change.name)).toEqual([
      'Account Data',
      'Google Cloud, Europe-West1 (Belgium)',
      null,
    ]);
    expect(lost[2]!.ref).toEqual({ section: 'placement', key: 'pinned-realm@cloud' });
    // A statement that the policy no longer makes is not residency lost.
    const unstated = edited((d) => {
      d.locations[0]!.followsDataResidency = 'not-stated';
    }, pinned);
    expect(brief(materialChanges(pinned, unstated))).toEqual([]);
  });
});

describe('materialChanges: retention compared as durations', () => {
  const withRetention = (retention: Declaration['dataCategories'][number]['retention']) =>
    edited((d) => {
      d.dataCategories[1]!.retention = retention;
    });
  const change = (
    before: Declaration['dataCategories'][number]['retention'],
    after: Declaration['dataCategories'][number]['retention'],
  ) => brief(materialChanges(withRetention(before), withRetention(after)));

  it('ignores a period written in other units', () => {
    const months = { basis: 'fixed-period', period: 'P12M', after: 'collection' } as const;
    expect(change(months, { ...months, period: 'P1Y' })).toEqual([]);
    expect(change({ ...months, period: 'P30D' }, { ...months, period: 'P1M' })).toEqual([]);
  });

  it('says longer or shorter when the most it may keep changes', () => {
    const days90 = { basis: 'fixed-period', period: 'P90D', after: 'collection' } as const;
    expect(change(days90, { ...days90, period: 'P2Y' })).toEqual(['retention longer']);
    expect(change({ ...days90, period: 'P2Y' }, days90)).toEqual(['retention shorter']);
    expect(change(days90, { basis: 'while-installed' })).toEqual(['retention longer']);
    expect(change({ basis: 'not-stored' }, days90)).toEqual(['retention longer']);
    expect(change({ basis: 'while-installed' }, { basis: 'indefinitely' })).toEqual([
      'retention longer',
    ]);
    expect(change(days90, { ...days90, bound: 'at-least' })).toEqual(['retention longer']);
  });

  it('says nothing when the length stays open-ended or is not stated on one side', () => {
    expect(change({ basis: 'while-installed' }, { basis: 'while-subscribed' })).toEqual([]);
    expect(
      change(
        { basis: 'not-stated' },
        { basis: 'fixed-period', period: 'P1Y', after: 'collection' },
      ),
    ).toEqual([]);
  });

  it('compares logs too, and carries both spans', () => {
    const logged = edited((d) => {
      d.logs = [
        {
          id: 'access-logs',
          name: 'Access logs',
          holds: 'IP addresses',
          endUserData: 'yes',
          retention: { basis: 'fixed-period', period: 'P30D', after: 'collection' },
        },
      ];
    });
    const longer = edited((d) => {
      d.logs![0]!.retention = { basis: 'fixed-period', period: 'P1Y', after: 'collection' };
    }, logged);
    expect(materialChanges(logged, longer)).toEqual([
      {
        kind: 'retention',
        change: 'longer',
        name: 'Access logs',
        before: { basis: 'fixed-period', period: 'P30D' },
        after: { basis: 'fixed-period', period: 'P1Y' },
        ref: { section: 'logs', key: 'access-logs' },
      },
    ]);
  });
});

describe('materialChanges: manifest, rights and contacts', () => {
  const facts = (hosts: string[], remotes: string[] = []): PublishedManifestFacts => ({
    egress: hosts.map((host) => ({ kind: 'fetch.backend', host })),
    remotes: remotes.map((key) => ({
      key,
      hosts: [`${key}.example.com`],
      operations: ['storage'],
      handlesInScopeData: true,
    })),
    storage: { keyValueStore: true, entities: [], sql: [], objectStores: [] },
    scopes: [],
    webTriggers: [],
    scheduledTriggers: [],
    connectModules: [],
    runsOnAtlassian: { eligible: false, blockers: [] },
  });

  it('names egress hosts and remotes added or removed, and nothing without facts on both sides', () => {
    const before = facts(['api.exalate.cloud', 'old.exalate.cloud']);
    const after = facts(['api.exalate.cloud', 'api.example.com'], ['exalate-node']);
    const changes = materialChanges(exalate, exalate, { before, after });
    expect(brief(changes)).toEqual([
      'egress added api.example.com',
      'egress removed old.exalate.cloud',
      'egress added exalate-node (remote)',
    ]);
    expect(changes[0]!.ref).toEqual({
      section: 'manifest',
      key: 'egress:fetch.backend:api.example.com',
    });
    expect(changes[2]!.ref).toEqual({ section: 'manifest', key: 'remote:exalate-node' });
    expect(materialChanges(exalate, exalate, { before: null, after })).toEqual([]);
  });

  it('says the rights changed when a regime, the way to exercise them or the response time does', () => {
    const slower = edited((d) => {
      d.rights.responseTime = 'P45D';
    });
    expect(materialChanges(exalate, slower)).toEqual([
      { kind: 'rights', ref: { section: 'rights', key: 'rights' } },
    ]);
    const regimes = exalate.rights.regimes;
    if (!Array.isArray(regimes)) throw new Error('exalate names rights per regime');
    const more = edited((d) => {
      const first = structuredClone(regimes[0]!);
      first.rights.push({ right: 'portability' });
      d.rights.regimes = [first, ...regimes.slice(1)];
    });
    const [rights] = materialChanges(exalate, more);
    expect(rights).toEqual({ kind: 'rights', ref: { section: 'rights', key: regimes[0]!.regime } });
  });

  it('says the contacts changed for the privacy contact, officer or security contact', () => {
    const contact = edited((d) => {
      d.vendor.privacyContact = 'mailto:dpo@exalate.com';
    });
    expect(materialChanges(exalate, contact)).toEqual([
      { kind: 'contacts', ref: { section: 'vendor', key: 'vendor' } },
    ]);
    const security = edited((d) => {
      d.security = { ...d.security, securityContact: 'mailto:security@exalate.com' };
    });
    expect(materialChanges(exalate, security)).toEqual([
      { kind: 'contacts', ref: { section: 'security', key: 'security' } },
    ]);
  });
});
