import { describe, expect, it } from 'vitest';
import { marketplaceAnswers, toMarketplaceAnswers, type Declaration } from '@declaration';
import { createTranslator } from '@declaration/i18n/index.ts';
import german from '../../../locales/de-DE.json' with { type: 'json' };
import { loadExample } from '../../examples/load-example.ts';

const fixture = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');

/**
 * The fixture with the kinds of data, log and access grants these answers are about, so that
 * the fixture can grow (it fills every field of the format) without changing them.
 */
function pinned(declaration: Declaration): Declaration {
  const pinnedDeclaration: Declaration = structuredClone(declaration);
  const ids = ['operation-data', 'account-data', 'session-tokens'];
  pinnedDeclaration.dataCategories = ids.map((id) =>
    pinnedDeclaration.dataCategories.find((category) => category.id === id)!,
  );
  pinnedDeclaration.logs = pinnedDeclaration.logs?.filter((log) => log.id === 'application-logs');
  pinnedDeclaration.vendorAccess!.grants = pinnedDeclaration.vendorAccess!.grants!.slice(0, 2);
  return pinnedDeclaration;
}

const exalate = pinned(fixture);

/** The answer as a reader sees it: the isolates that set the vendor's words apart removed. */
function answer(declaration: Declaration, question: RegExp): string {
  const found = marketplaceAnswers(declaration).find((qa) => question.test(qa.question));
  if (!found) throw new Error(`no question matching ${question}`);
  return found.answer.replace(/[\u2066-\u2069]/g, '');
}

/** Exalate's declaration with its End-User Data kept in Forge storage only. */
function onForge(): Declaration {
  const forge: Declaration = structuredClone(exalate);
  forge.locations = [{ id: 'forge-storage', hostedBy: 'atlassian', followsDataResidency: 'yes' }];
  delete forge.placement;
  delete forge.logs;
  forge.dataCategories.forEach((category) => {
    category.storedIn = ['forge-storage'];
    category.residency = 'in-scope';
    delete category.recipients;
    delete category.handling;
    delete category.platformDifferences;
    delete category.retention.backups;
  });
  return forge;
}

describe('Marketplace "Privacy & security" answers', () => {
  it('says an app hosted on its own cloud stores and shares End-User Data (Exalate, seed 002)', () => {
    expect(answer(exalate, /store End-User Data outside/)).toBe(
      'Yes. Operation Data; Session tokens.',
    );
    expect(answer(exalate, /share End-User Data/)).toContain(
      'Google Cloud (Belgium, europe-west1)',
    );
    expect(answer(exalate, /hosted/)).toContain('Rsync.net, Switzerland');
    expect(answer(exalate, /retained/)).toContain('180 days after the subscription ends');
    expect(answer(exalate, /deletion/)).toMatch(/^Yes\./);
  });

  it('says No for an app that keeps End-User Data in Forge storage only', () => {
    const forge = onForge();
    expect(answer(forge, /store End-User Data outside/)).toBe('No.');
    expect(answer(forge, /process End-User Data outside/)).toBe('No.');
    expect(answer(forge, /share End-User Data/)).toBe('No.');
    expect(answer(forge, /data residency/)).toBe(
      'Yes. In scope of data residency: Operation Data; Session tokens.',
    );
  });

  it('answers data residency per kind of data, naming the exceptions', () => {
    // Operation Data is excluded from residency; Session tokens say nothing.
    expect(answer(exalate, /data residency/)).toBe(
      'No. Excluded from data residency: Operation Data; Not stated: Session tokens.',
    );
    const partly = onForge();
    partly.dataCategories[2]!.residency = 'global';
    expect(answer(partly, /data residency/)).toBe(
      'Partly. In scope of data residency: Operation Data; Kept in one place for every site: Session tokens.',
    );
    // In scope, but in a location that does not follow the pin: never counted as following.
    const contradicted = onForge();
    contradicted.locations[0]!.followsDataResidency = 'no';
    expect(answer(contradicted, /data residency/)).toMatch(
      /^No\. In scope of data residency, but kept in a location that does not follow it: Operation Data; Session tokens\.$/,
    );
    const silent = onForge();
    silent.dataCategories.forEach((category) => (category.residency = 'not-stated'));
    expect(answer(silent, /data residency/)).toBe(
      'The declaration does not state whether data follows data residency.',
    );
  });

  it('says whether End-User Data is personal as the declaration does: yes, possibly, no, not stated', () => {
    expect(answer(exalate, /personal data/)).toBe(
      'Yes. Operation Data. Not stated for: Session tokens.',
    );
    const mayContain = onForge();
    mayContain.dataCategories.forEach((category) => (category.personal = 'may-contain'));
    expect(answer(mayContain, /personal data/)).toBe(
      'Possibly. Operation Data (may contain it); Session tokens (may contain it).',
    );
    const none = onForge();
    none.dataCategories.forEach((category) => (category.personal = 'no'));
    expect(answer(none, /personal data/)).toBe('No.');
    const unstated = onForge();
    unstated.dataCategories.forEach((category) => (category.personal = 'not-stated'));
    expect(answer(unstated, /personal data/)).toBe(
      'Not stated for: Operation Data; Session tokens.',
    );
  });

  it('says "not stated" for storage the declaration does not place, never "No"', () => {
    const unplaced = onForge();
    delete unplaced.dataCategories[2]!.storedIn;
    expect(answer(unplaced, /store End-User Data outside/)).toBe('Not stated for: Session tokens.');
    const unhosted = onForge();
    unhosted.locations[0]!.hostedBy = 'not-stated';
    expect(answer(unhosted, /store End-User Data outside/)).toBe(
      'Not stated for: Operation Data; Session tokens.',
    );
    const nowhere = onForge();
    nowhere.locations = [];
    nowhere.dataCategories.forEach((category) => delete category.storedIn);
    expect(answer(nowhere, /hosted/)).toBe(
      'Not stated: the declaration does not say where data is kept.',
    );
  });

  it('counts data the app does not store but a recipient does as stored outside (Problem reports)', () => {
    const reports = fixture.dataCategories.find((category) => category.id === 'problem-reports');
    expect(reports?.retention.basis).toBe('not-stored');
    expect(reports?.handling?.storedOnlyBy).toEqual(['google-cloud']);
    expect(answer(fixture, /store End-User Data outside/)).toMatch(/^Yes\. .*Problem reports/);
  });

  it('reads data kept only by a recipient, and Cloud’s own storage, as the declaration places them', () => {
    const keptByRecipient = onForge();
    keptByRecipient.dataCategories[0]!.handling = { storedOnlyBy: ['google-cloud'] };
    expect(answer(keptByRecipient, /store End-User Data outside/)).toBe('Yes. Operation Data.');
    // Where storage differs on Cloud, the Cloud locations count, not the other platforms'.
    const cloudDifferent: Declaration = structuredClone(exalate);
    cloudDifferent.locations.push({ id: 'forge-storage', hostedBy: 'atlassian' });
    cloudDifferent.dataCategories[0]!.platformDifferences = [
      { platform: 'cloud', storedIn: ['forge-storage'] },
    ];
    delete cloudDifferent.dataCategories[0]!.handling;
    delete cloudDifferent.dataCategories[0]!.retention.backups;
    expect(answer(cloudDifferent, /store End-User Data outside/)).toBe('Yes. Session tokens.');
    // A location of Data Center only is no Cloud hosting.
    expect(answer(exalate, /hosted/)).not.toContain("The customer's Jira database");
  });

  it('answers logging from the logs, and says so when none are declared', () => {
    expect(answer(exalate, /log End-User Data/)).toBe(
      'Possibly. Application logs (may contain it): Deleted exactly 30 days after collection. Backup copies are kept for about 7 days. Backups keep it for up to 14 days after deletion. Logs are backed up with the rest of the node.',
    );
    const logged: Declaration = structuredClone(exalate);
    logged.logs![0]!.endUserData = 'yes';
    expect(answer(logged, /log End-User Data/)).toBe(
      'Yes. Application logs: Deleted exactly 30 days after collection. Backup copies are kept for about 7 days. Backups keep it for up to 14 days after deletion. Logs are backed up with the rest of the node.',
    );
    expect(answer(onForge(), /log End-User Data/)).toBe(
      'Not stated: the declaration does not say what the app or its vendor keeps in logs.',
    );
  });

  it('names the backups that still hold deleted data, and a missing way to ask', () => {
    expect(answer(exalate, /deletion/)).toBe(
      'Yes. Contact Exalate through the Service Desk. Backups still hold deleted data: Operation Data: at most 90 days.',
    );
    const howUnstated: Declaration = structuredClone(onForge());
    delete howUnstated.rights.howToExercise;
    expect(answer(howUnstated, /deletion/)).toBe(
      'Yes. The declaration does not say how to ask for it.',
    );
  });

  it('says "not stated" for rights, staff access and security the declaration leaves out', () => {
    const silent: Declaration = structuredClone(onForge());
    silent.rights.regimes = 'not-stated';
    delete silent.vendorAccess;
    delete silent.security;
    silent.dataCategories.forEach((category) => delete category.retention.deletableOnRequest);
    expect(answer(silent, /privacy laws/)).toBe(
      'Not stated: the declaration names no privacy law.',
    );
    expect(answer(silent, /deletion/)).toBe('The declaration does not grant a right to deletion.');
    expect(answer(silent, /staff access/)).toBe('Not stated.');
    expect(answer(silent, /Cloud Fortified/)).toBe('Not stated.');
    expect(answer(silent, /bug bounty/)).toBe('None are declared.');
    expect(answer(silent, /certifications/)).toBe('None are declared.');
  });

  it('names each role’s access to End-User Data from the grants', () => {
    expect(answer(exalate, /staff access/)).toBe(
      'Yes. Support engineers: Read (Operation Data; Support requests, Incidents; ' +
        "Only with the customer's permission in the support ticket); " +
        'Site reliability engineers: Read and write (All data; Maintenance, Monitoring).',
    );
    const none: Declaration = structuredClone(exalate);
    none.vendorAccess!.grants!.forEach((grant) => (grant.access = 'none'));
    expect(answer(none, /staff access/)).toBe('No.');
    const unknown: Declaration = structuredClone(exalate);
    unknown.vendorAccess!.grants = [
      { role: 'Developers', categories: 'all', access: 'not-stated', circumstances: ['other'] },
    ];
    expect(answer(unknown, /staff access/)).toBe(
      'Not stated for: Developers: Not stated (All data; Other).',
    );
    // Grants on Data Center only say nothing about the Cloud app.
    const dataCenter: Declaration = structuredClone(exalate);
    dataCenter.vendorAccess!.grants!.forEach((grant) => (grant.platforms = ['data-center']));
    expect(answer(dataCenter, /staff access/)).toBe(
      'Yes. Authorized Exalate employees from support and development; When handling a problem report.',
    );
  });

  it('answers Cloud Fortified, certifications with what they cover, and security programmes', () => {
    expect(answer(exalate, /Cloud Fortified/)).toBe('Yes. Exalate for Jira Cloud.');
    expect(answer(exalate, /certifications/)).toBe('Yes: ISO 27001 (Exalate for Jira Cloud).');
    expect(answer(exalate, /bug bounty/)).toBe(
      'Yes. Bug bounty: Atlassian Marketplace Bug Bounty on Bugcrowd, https://bugcrowd.com/exalate, ' +
        'The Cloud Add-ons; Vulnerability disclosure: https://exalate.com/security/disclosure; ' +
        'Security contact: mailto:security@exalate.com.',
    );
    const notFortified: Declaration = structuredClone(exalate);
    notFortified.security!.cloudFortified = { status: 'no' };
    delete notFortified.security!.programmes;
    expect(answer(notFortified, /Cloud Fortified/)).toBe('No.');
    expect(answer(notFortified, /bug bounty/)).toBe(
      'None are declared. Security contact: mailto:security@exalate.com.',
    );
  });

  it('claims nothing about the Cloud app when the declaration does not cover Cloud', () => {
    const dataCenterOnly: Declaration = structuredClone(exalate);
    dataCenterOnly.app.platforms = [{ platform: 'data-center', statement: 'Runs on Data Center.' }];
    delete dataCenterOnly.app.notCovered;
    const notCovered = 'Not stated: this declaration does not cover the Cloud app.';
    for (const question of [
      /^Does your app access/,
      /store End-User Data/,
      /residency/,
      /retained/,
    ]) {
      expect(answer(dataCenterOnly, question)).toBe(notCovered);
    }
  });

  it('answers in the translator’s language', () => {
    const translator = createTranslator('de-DE', german);
    const answers = marketplaceAnswers(exalate, translator);
    const staff = answers.find((qa) => /Mitarbeitenden/.test(qa.question));
    expect(staff?.answer.replace(/[\u2066-\u2069]/g, '')).toBe(
      'Ja. Support engineers: Lesen (Operation Data; Supportanfragen, Sicherheitsvorfälle; ' +
        "Only with the customer's permission in the support ticket); " +
        'Site reliability engineers: Lesen und Schreiben (Alle Daten; Wartung, Überwachung).',
    );
    const residency = answers.find((qa) => /Datenresidenz/.test(qa.question));
    expect(residency?.answer.replace(/[\u2066-\u2069]/g, '')).toBe(
      'Nein. Von der Datenresidenz ausgenommen: Operation Data; Nicht angegeben: Session tokens.',
    );
  });

  it('writes plain text question and answer pairs', () => {
    const text = toMarketplaceAnswers(exalate);
    expect(
      text.startsWith(
        'Q: Does your app access End-User Data?\nA: Yes. Operation Data; Session tokens.\n',
      ),
    ).toBe(true);
    expect(text).not.toMatch(/undefined|\[object|not-stated|may-contain/);
  });
});
