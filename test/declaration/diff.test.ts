import { diffDeclarations, ENGLISH, type Declaration, type DiffEntry } from '@declaration';
import { diffNames } from '@declaration/diff.ts';
import { diffFieldLabel, diffSectionLabel } from '@declaration/diff-labels.ts';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../examples/load-example.ts';

const exalate = loadExample('examples/exalate-cloud.yaml');
const techtime = loadExample('examples/techtime-user-management.yaml');

const brief = (entries: DiffEntry[]) =>
  entries.map((entry) => `${entry.section} ${entry.kind} ${entry.key}`);

function edited(edit: (next: Declaration) => void): Declaration {
  const next = structuredClone(exalate);
  edit(next);
  return next;
}

describe('diffDeclarations', () => {
  it('finds nothing between a declaration and itself, even with lists reordered', () => {
    const reordered = edited((next) => {
      next.purposes.reverse();
      next.dataCategories.reverse();
      next.recipients.reverse();
    });
    const diff = diffDeclarations(exalate, reordered, { from: 1, to: 2 });
    expect(diff).toMatchObject({
      from: 1,
      to: 2,
      entries: [],
      counts: { added: 0, removed: 0, changed: 0 },
      material: [],
    });
  });

  it('reports a changed retention under retention, with the fields that differ', () => {
    const category = exalate.dataCategories[0]!;
    const next = edited((d) => {
      d.dataCategories[0]!.retention = { basis: 'fixed-period', period: 'P2Y', after: 'uninstall' };
    });
    const diff = diffDeclarations(exalate, next, { from: 3, to: 4 });
    expect(brief(diff.entries)).toEqual([`retention changed ${category.id}`]);
    const [entry] = diff.entries;
    expect(entry!.label).toBe(typeof category.name === 'string' ? category.name : category.name.en);
    expect(entry!.fields).toContainEqual({
      path: 'basis',
      before: category.retention.basis,
      after: 'fixed-period',
    });
    expect(entry!.fields).toContainEqual({
      path: 'period',
      before: category.retention.period ?? null,
      after: 'P2Y',
    });
  });

  it('reports recipients and locations added, removed and changed, and purposes renamed', () => {
    const [firstRecipient, secondRecipient] = exalate.recipients;
    const location = exalate.locations[0]!;
    const next = edited((d) => {
      d.recipients = d.recipients.filter((r) => r.id !== firstRecipient!.id);
      for (const category of d.dataCategories) {
        category.recipients = category.recipients?.filter((id) => id !== firstRecipient!.id);
      }
      d.recipients.find((r) => r.id === secondRecipient!.id)!.countries = ['DE', 'US'];
      d.recipients.push({
        id: 'mixpanel',
        name: 'Mixpanel',
        kind: 'subprocessor',
        category: 'analytics',
        purpose: 'Product analytics',
        countries: ['US'],
      });
      d.locations[0]!.country = 'IE';
      d.purposes[0]!.name = 'Run the synchronisation service';
    });
    const diff = diffDeclarations(exalate, next, { from: 1, to: 2 });
    const lines = brief(diff.entries);
    expect(lines).toContain(`recipients removed ${firstRecipient!.id}`);
    expect(lines).toContain(`recipients changed ${secondRecipient!.id}`);
    expect(lines).toContain('recipients added mixpanel');
    expect(lines).toContain(`locations changed ${location.id}`);
    expect(lines).toContain(`purposes changed ${exalate.purposes[0]!.id}`);
    const changedRecipient = diff.entries.find((e) => e.key === secondRecipient!.id)!;
    expect(changedRecipient.fields).toEqual([
      {
        path: 'countries',
        before: ['CH'],
        after: ['DE', 'US'],
        added: ['DE', 'US'],
        removed: ['CH'],
      },
    ]);
    expect(diff.counts.added).toBe(1);
    expect(diff.counts.removed).toBe(1);
    expect(diff.counts.added + diff.counts.removed + diff.counts.changed).toBe(diff.entries.length);
  });

  it('reports rights regimes and rights fields that change', () => {
    const next = edited((d) => {
      if (d.rights.regimes === 'not-stated') throw new Error('Exalate names its rights');
      d.rights.regimes.push({ regime: 'ccpa', rights: [{ right: 'opt-out-of-sale' }] });
      d.rights.responseTime = 'P14D';
    });
    const lines = brief(diffDeclarations(exalate, next, { from: 1, to: 2 }).entries);
    expect(lines).toEqual(expect.arrayContaining(['rights changed rights', 'rights added ccpa']));
  });

  it('compares two different vendors section by section', () => {
    const diff = diffDeclarations(techtime, exalate, { from: 1, to: 2 });
    const sections = new Set(diff.entries.map((entry) => entry.section));
    for (const section of ['vendor', 'app', 'policy', 'purposes', 'dataCategories', 'recipients']) {
      expect(sections).toContain(section);
    }
    expect(diff.counts.added).toBeGreaterThan(0);
    expect(diff.counts.removed).toBeGreaterThan(0);
  });
});

const complete = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');

/** The changes between the complete fixture and an edit of it, each as "section key: field label". */
function changes(edit: (next: Declaration) => void): string[] {
  const next = structuredClone(complete);
  edit(next);
  return diffDeclarations(complete, next, { from: 1, to: 2 }).entries.flatMap((entry) =>
    entry.kind === 'changed'
      ? entry.fields.map(
          (field) =>
            `${diffSectionLabel(entry.section, ENGLISH)} ${entry.key}: ${diffFieldLabel(field.path, ENGLISH)}`,
        )
      : [`${diffSectionLabel(entry.section, ENGLISH)} ${entry.key}: ${entry.kind}`],
  );
}

const category = (next: Declaration, id: string) =>
  next.dataCategories.find((item) => item.id === id)!;
const location = (next: Declaration, id: string) => next.locations.find((item) => item.id === id)!;

describe('diffDeclarations, format 2 (exalate-complete: every field filled)', () => {
  it('finds nothing between the complete declaration and itself with its lists reordered', () => {
    expect(
      changes((next) => {
        next.placement!.reverse();
        next.logs!.reverse();
        next.security!.programmes!.reverse();
        next.vendorAccess!.grants!.reverse();
        category(next, 'operation-data').encryption!.fieldLevel = [
          ...category(next, 'operation-data').encryption!.fieldLevel!,
        ];
      }),
    ).toEqual([]);
  });

  it('reports logs added, removed and changed by id', () => {
    expect(changes((next) => (next.logs![0]!.endUserData = 'yes'))).toEqual([
      'Logs application-logs: End-user data',
    ]);
    expect(
      changes((next) => {
        next.logs![0]!.retention!.period = 'PT1H';
        next.logs![0]!.readableBy = ['Exalate support engineers', 'Exalate developers'];
      }),
    ).toEqual(['Logs application-logs: Retention → Period', 'Logs application-logs: Readable by']);
    expect(
      changes((next) => {
        next.logs!.push({
          id: 'access-logs',
          name: 'Access logs',
          holds: 'Requests to the Exalate console.',
          endUserData: 'not-stated',
        });
      }),
    ).toEqual(['Logs access-logs: added']);
    expect(changes((next) => delete next.logs)).toEqual(['Logs application-logs: removed']);
  });

  it('reports placement rules by rule and platforms, their realms item by item', () => {
    expect(
      changes((next) => {
        next.placement![0]!.realms![1]!.location = 'rsync-zurich';
        next.placement![0]!.existingInstallations = 'Existing installations move to the EU.';
      }),
    ).toEqual([
      'How the place is chosen pinned-realm@cloud: By data residency location → #2 → Location',
      'How the place is chosen pinned-realm@cloud: Existing installations',
    ]);
    expect(changes((next) => (next.placement![0]!.appliesTo = 'all-installations'))).toEqual([
      'How the place is chosen pinned-realm@cloud: Applies to',
    ]);
    expect(
      changes((next) =>
        next.placement!.push({ rule: 'fixed', locations: ['exalate-cloud-belgium'] }),
      ),
    ).toEqual(['How the place is chosen fixed: added']);
  });

  it('reports residency, handling, encryption and platform differences of a kind of data', () => {
    expect(
      changes((next) => {
        const data = category(next, 'operation-data');
        data.residency = 'in-scope';
        data.handling!.sizeLimit = 'Attachments up to 25 MB are copied.';
        // Kept only by Google Cloud is new: operation data names no storedOnlyBy in the fixture.
        data.handling!.storedOnlyBy = ['google-cloud'];
        data.encryption!.keyManagement = 'Customer-managed keys in Cloud KMS.';
        data.encryption!.inTransitProtocol = 'TLS 1.3.';
        data.platformDifferences![0]!.retention = { basis: 'until-deletion-request' };
        data.platformDifferences![0]!.storedIn = [];
      }),
    ).toEqual([
      'Data collected operation-data: Data residency',
      'Data collected operation-data: Differences by platform → #1 → Where stored',
      // The new retention names only its basis: every other field of the old one is a change.
      'Data collected operation-data: Differences by platform → #1 → Retention → How long it is kept',
      'Data collected operation-data: Differences by platform → #1 → Retention → Period',
      'Data collected operation-data: Differences by platform → #1 → Retention → Counted from',
      'Data collected operation-data: Differences by platform → #1 → Retention → Deleted on request',
      'Data collected operation-data: Differences by platform → #1 → Retention → Backups',
      'Data collected operation-data: Differences by platform → #1 → Retention → Description',
      'Data collected operation-data: Differences by platform → #1 → Retention → Notes',
      'Data collected operation-data: Encryption → Protocol in transit',
      'Data collected operation-data: Encryption → Key management',
      'Data collected operation-data: Handling → Size limit',
      'Data collected operation-data: Handling → Stored only by',
    ]);
  });

  it('reports a bound as part of its period: "up to" and "at least" are different periods', () => {
    const next = structuredClone(complete);
    category(next, 'operation-data').retention.bound = 'at-least';
    category(next, 'operation-data').retention.backups!.afterDeletion!.period = 'P60D';
    const [entry] = diffDeclarations(complete, next, { from: 1, to: 2 }).entries;
    expect(entry!.section).toBe('retention');
    expect(entry!.fields).toEqual([
      {
        path: 'period',
        before: { period: 'P180D', bound: 'at-most' },
        after: { period: 'P180D', bound: 'at-least' },
      },
      {
        path: 'backups.afterDeletion.period',
        before: { period: 'P90D', bound: 'at-most' },
        after: { period: 'P60D', bound: 'at-most' },
      },
    ]);
    expect(diffFieldLabel(entry!.fields[1]!.path, ENGLISH)).toBe(
      'Backups → After deletion → Period',
    );
  });

  it('reports backups, database and domains of a location, and domains of a recipient', () => {
    expect(
      changes((next) => {
        const belgium = location(next, 'exalate-cloud-belgium');
        belgium.backups!.frequency = 'weekly';
        belgium.backups!.copies = 4;
        belgium.backups!.encrypted = 'not-stated';
        belgium.domains = ['*.exalate.cloud'];
        location(next, 'customer-database').database!.tablePrefixes = ['AO_4A1C2E', 'AO_7B3D'];
        next.recipients.find((item) => item.id === 'google-cloud')!.domains = [
          '*.googleapis.com',
          '*.gstatic.com',
        ];
      }),
    ).toEqual([
      'Where data lives exalate-cloud-belgium: Domains',
      'Where data lives exalate-cloud-belgium: Backups → Frequency',
      'Where data lives exalate-cloud-belgium: Backups → Copies kept',
      'Where data lives exalate-cloud-belgium: Backups → Encrypted',
      'Where data lives customer-database: Customer database → Table prefixes',
      'Recipients google-cloud: Domains',
    ]);
  });

  it('reports the platforms a declaration does not cover', () => {
    expect(
      changes((next) => (next.app.notCovered![0]!.statement = 'Server Add-ons are end of life.')),
    ).toEqual(['App app: Not covered → #1 → Statement']);
    expect(changes((next) => next.app.notCovered!.push({ platform: 'data-center' }))).toEqual([
      'App app: Not covered',
    ]);
  });

  it("reports security's programmes, Cloud Fortified, contact, penetration tests and certifications", () => {
    expect(
      changes((next) => {
        const security = next.security!;
        security.cloudFortified!.status = 'no';
        security.programmes!.find((p) => p.kind === 'bug-bounty')!.scope = 'All Exalate apps.';
        security.securityContact = 'mailto:psirt@exalate.com';
        security.penetrationTests!.frequency = 'twice-a-year';
        security.penetrationTests!.by = 'both';
        security.certifications![0]!.covers = [
          'Exalate for Jira Cloud',
          'Exalate for Azure DevOps',
        ];
      }),
    ).toEqual([
      'Security security: Certifications → #1 → Covers',
      'Security security: Cloud Fortified → Status',
      'Security security: Security programmes → #1 → Applies to',
      'Security security: Security contact',
      'Security security: Penetration tests → Frequency',
      'Security security: Penetration tests → Carried out by',
    ]);
  });

  it('reports vendor access grants by role', () => {
    expect(
      changes((next) => {
        const grants = next.vendorAccess!.grants!;
        grants[0]!.access = 'write';
        grants[0]!.circumstances = ['support-request'];
        grants[1]!.categories = ['operation-data'];
      }),
    ).toEqual([
      'Vendor access vendorAccess: Access by role → #1 → Access',
      'Vendor access vendorAccess: Access by role → #1 → Circumstances',
      'Vendor access vendorAccess: Access by role → #2 → Kinds of data',
    ]);
  });

  it('reports rights that become, or stop being, not stated', () => {
    const silent = structuredClone(complete);
    silent.rights.regimes = 'not-stated';
    const named = diffDeclarations(silent, complete, { from: 1, to: 2 });
    expect(named.entries.map((entry) => `${entry.section} ${entry.kind} ${entry.key}`)).toEqual([
      'rights changed rights',
      'rights added gdpr',
    ]);
    expect(named.entries[0]!.fields).toEqual([
      { path: 'regimes', before: 'not-stated', after: ['gdpr'] },
    ]);
    expect(diffDeclarations(silent, silent, { from: 1, to: 1 }).entries).toEqual([]);
    const removed = diffDeclarations(complete, silent, { from: 1, to: 2 });
    expect(removed.entries.map((entry) => `${entry.section} ${entry.kind} ${entry.key}`)).toEqual([
      'rights changed rights',
      'rights removed gdpr',
    ]);
  });
});

describe('diffDeclarations, lists item by item', () => {
  const operation = (next: Declaration) => category(next, 'operation-data');

  it('gives a list of plain values one change with the items added and removed', () => {
    const next = edited((d) => {
      const data = d.dataCategories.find((item) => item.id === 'operation-data')!;
      data.examples = [
        'license information for the installed add-on',
        'twin and field traces',
        'copies of the latest and previous versions of the issues',
        'attachments of synchronized issues',
      ];
    });
    const [entry] = diffDeclarations(exalate, next, { from: 1, to: 2 }).entries;
    expect(entry!.fields).toEqual([
      {
        path: 'examples',
        before: exalate.dataCategories.find((item) => item.id === 'operation-data')!.examples,
        after: next.dataCategories.find((item) => item.id === 'operation-data')!.examples,
        added: ['attachments of synchronized issues'],
        removed: ['synchronization relations'],
      },
    ]);
  });

  it('compares notes in several languages as whole texts, and a reordered list as no change', () => {
    const before = structuredClone(complete);
    operation(before).notes = [
      { en: 'Attachments are read.', de: 'Anhänge werden gelesen.' },
      'An earlier version kept attachments for a year.',
    ];
    const after = structuredClone(before);
    operation(after).notes = [
      'An earlier version kept attachments for a year.',
      { en: 'Attachments are read.', de: 'Anhänge werden gelesen.' },
    ];
    expect(diffDeclarations(before, after, { from: 1, to: 2 }).entries).toEqual([]);
    operation(after).notes![1] = { en: 'Attachments are read.', de: 'Anhänge werden kopiert.' };
    const [entry] = diffDeclarations(before, after, { from: 1, to: 2 }).entries;
    expect(entry!.fields).toEqual([
      {
        path: 'notes',
        before: operation(before).notes,
        after: operation(after).notes,
        added: [{ en: 'Attachments are read.', de: 'Anhänge werden kopiert.' }],
        removed: [{ en: 'Attachments are read.', de: 'Anhänge werden gelesen.' }],
      },
    ]);
  });

  it('counts a list that appears as all its items added, and an empty list where none was as a change', () => {
    const before = structuredClone(complete);
    delete operation(before).notes;
    const after = structuredClone(before);
    operation(after).notes = ['Attachments are read.'];
    const [entry] = diffDeclarations(before, after, { from: 1, to: 2 }).entries;
    expect(entry!.fields).toEqual([
      {
        path: 'notes',
        before: null,
        after: ['Attachments are read.'],
        added: ['Attachments are read.'],
        removed: [],
      },
    ]);
    const nowhere = structuredClone(before);
    delete operation(before).storedIn;
    operation(nowhere).storedIn = [];
    delete operation(nowhere).notes;
    const [stored] = diffDeclarations(before, nowhere, { from: 1, to: 2 }).entries;
    expect(stored!.fields).toEqual([{ path: 'storedIn', before: null, after: [] }]);
  });

  it('reports a platform added beside a changed statement: the new one added, the changed one by its text', () => {
    const next = structuredClone(complete);
    next.app.platforms[0]!.statement = 'The statement applies to the Cloud apps built on Forge.';
    next.app.platforms.push({ platform: 'server', statement: 'Server apps are covered too.' });
    next.app.notCovered = [];
    const [entry] = diffDeclarations(complete, next, { from: 1, to: 2 }).entries;
    expect(entry!.fields).toEqual([
      {
        path: 'platforms',
        before: complete.app.platforms,
        after: next.app.platforms,
        added: [{ platform: 'server', statement: 'Server apps are covered too.' }],
        removed: [],
      },
      {
        path: 'platforms.0.statement',
        before: complete.app.platforms[0]!.statement,
        after: 'The statement applies to the Cloud apps built on Forge.',
      },
      {
        path: 'notCovered',
        before: complete.app.notCovered,
        after: [],
        added: [],
        removed: complete.app.notCovered,
      },
    ]);
  });
});

describe('diffDeclarations, names per kind and per side', () => {
  it('names an id shared by a location and a recipient as each', () => {
    const next = edited((d) => {
      d.locations.push({
        id: 'google-cloud',
        name: 'Google Cloud, Frankfurt',
        hostedBy: 'subprocessor',
        provider: 'Google Cloud',
        country: 'DE',
      });
      d.dataCategories[0]!.storedIn = [...(d.dataCategories[0]!.storedIn ?? []), 'google-cloud'];
    });
    const { names } = diffDeclarations(exalate, next, { from: 1, to: 2 });
    expect(names.after.locations['google-cloud']).toBe('Google Cloud, Frankfurt');
    expect(names.after.recipients['google-cloud']).toBe('Google Cloud');
    expect(names.before.locations['google-cloud']).toBeUndefined();
  });

  it('names a removed item from the older version', () => {
    const next = edited((d) => {
      d.recipients = d.recipients.filter((item) => item.id !== 'rsync-net');
      for (const data of d.dataCategories) {
        data.recipients = data.recipients?.filter((id) => id !== 'rsync-net');
      }
    });
    const diff = diffDeclarations(exalate, next, { from: 1, to: 2 });
    expect(diff.entries).toContainEqual(
      expect.objectContaining({ section: 'recipients', kind: 'removed', key: 'rsync-net' }),
    );
    expect(diff.names.before.recipients['rsync-net']).toBe('Rsync.net');
    expect(diff.names.after.recipients['rsync-net']).toBeUndefined();
  });

  it('names a location without a name by its provider, service or place, never by its id', () => {
    const unnamed = edited((d) => {
      d.locations.push({ id: 'eu-backups', hostedBy: 'vendor', service: 'Backup servers' });
    });
    expect(diffNames(unnamed).locations['eu-backups']).toBe('Backup servers');
    const diff = diffDeclarations(exalate, unnamed, { from: 1, to: 2 });
    const added = diff.entries.find((entry) => entry.key === 'eu-backups')!;
    expect(added.label).toBe('Backup servers');
  });
});
