import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator, loadCatalogue, type Declaration } from '@declaration';
import { dpvDocument, toDpv, xsdDuration } from '@declaration/export/dpv.ts';
import { allDpvTerms } from '@declaration/export/dpv-terms.ts';
import { idsOf, jsonLdProblems, nodesById, valuesOf } from './dpv-fixture.ts';
import { loadDeclaration } from './load.ts';

const EXAMPLES = readdirSync(new URL('../../../examples/', import.meta.url))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => `examples/${name}`);
const COMPLETE = 'test/declaration/export/fixtures/exalate-complete.yaml';

const graphOf = (path: string) => {
  const document = JSON.parse(toDpv(loadDeclaration(path))) as Record<string, unknown>;
  return { document, nodes: nodesById(document) };
};

describe('the DPV export of every declaration', () => {
  it('covers the five examples', () => {
    expect(EXAMPLES).toHaveLength(5);
  });

  it.each([...EXAMPLES, 'privacy/declaration.yaml', COMPLETE])(
    '%s is sound JSON-LD in DPV 2.3 terms',
    (path) => {
      const text = toDpv(loadDeclaration(path));
      const document = JSON.parse(text) as Parameters<typeof jsonLdProblems>[0];
      expect(jsonLdProblems(document)).toEqual([]);
      expect(text.endsWith('}\n')).toBe(true);
      const nodes = nodesById(document);
      const processes = [...nodes.values()].filter((node) => node['@type'] === 'dpv:Process');
      expect(processes.length).toBeGreaterThanOrEqual(loadDeclaration(path).dataCategories.length);
      expect(nodes.get('_:controller')?.['@type']).toBe('dpv:DataController');
    },
  );

  it.each([...EXAMPLES, COMPLETE])('%s uses no DPV term outside the mapping table', (path) => {
    const known = allDpvTerms();
    const used = new Set<string>();
    JSON.stringify(dpvDocument(loadDeclaration(path)), (key, value: unknown) => {
      for (const text of [key, value]) {
        if (typeof text === 'string' && /^(?:dpv|pd|loc|eu-gdpr):/.test(text)) used.add(text);
      }
      return value;
    });
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((term) => !known.has(term as never))).toEqual([]);
  });

  it('gives the same bytes for the same declaration', () => {
    const declaration = loadDeclaration(COMPLETE);
    expect(toDpv(declaration)).toBe(toDpv(structuredClone(declaration)));
  });
});

describe('the JSON-LD check', () => {
  const sound = {
    '@context': { dpv: 'https://w3id.org/dpv#' },
    '@graph': [
      { '@id': '_:a', '@type': 'dpv:Process', 'dpv:hasProcessing': { '@id': 'dpv:Store' } },
    ],
  };

  it('passes a sound document and names what is wrong with others', () => {
    expect(jsonLdProblems(sound)).toEqual([]);
    const broken = structuredClone(sound) as { '@graph': Record<string, unknown>[] };
    broken['@graph'][0]!['dpvx:hasPurpose'] = { '@id': '_:missing' };
    broken['@graph'][0]!['@type'] = 'dpv:PersonalDataHandling';
    broken['@graph'][0]!['dpv:hasDuration'] = { '@value': 'P1D', '@language': 'not a tag' };
    expect(jsonLdProblems(broken as never)).toEqual([
      '@graph[0].@type: dpv:PersonalDataHandling is not a term DPV 2.3 publishes',
      '@graph[0].dpvx:hasPurpose: dpvx:hasPurpose is neither a keyword nor a compact IRI of @context',
      '@graph[0].dpv:hasDuration.@language: "not a tag" is not a language tag',
      '@graph[0].dpvx:hasPurpose.@id: _:missing is not a node of the graph',
    ]);
  });
});

describe('what the DPV export says', () => {
  it('names the vendor as data controller with its country, and every process refers to it', () => {
    const { nodes } = graphOf('examples/techtime-user-management.yaml');
    const controller = nodes.get('_:controller');
    expect(controller?.['dpv:hasName']).toBe('TechTime Initiative Group Limited');
    expect(idsOf(controller, 'dpv:hasLocation')).toEqual(['loc:NZ']);
    const process = nodes.get('_:process-runtime-user-information');
    expect(idsOf(process, 'dpv:hasDataController')).toEqual(['_:controller']);
  });

  it("gives a category its purposes' legal bases as GDPR articles", () => {
    const { nodes } = graphOf('examples/techtime-user-management.yaml');
    const process = nodes.get('_:process-runtime-user-information');
    expect(idsOf(process, 'dpv:hasPurpose')).toEqual(['_:purpose-user-management']);
    expect(idsOf(process, 'dpv:hasLegalBasis')).toEqual(['eu-gdpr:A6-1-b', 'eu-gdpr:A6-1-f']);
  });

  it("gives a category its own legal basis over its purposes', and says when it is not stated", () => {
    const { nodes } = graphOf(COMPLETE);
    expect(valuesOf(nodes.get('_:process-session-tokens'), 'dpv:hasLegalBasis')).toEqual([
      {
        '@type': 'dpv:LegalBasis',
        'dct:description': { '@value': 'Not stated', '@language': 'en-US' },
      },
    ]);
  });

  it('describes a value DPV has no term for with its label, in the reader’s language', async () => {
    const declaration = loadDeclaration('examples/techtime-user-management.yaml');
    const english = nodesById(dpvDocument(declaration));
    expect(
      valuesOf(english.get('_:process-runtime-user-information'), 'dpv:hasDataSubject'),
    ).toEqual([
      { '@id': 'dpv:User' },
      {
        '@type': 'dpv:DataSubject',
        'dct:description': { '@value': 'Administrators', '@language': 'en-US' },
      },
    ]);
    const german = nodesById(
      dpvDocument(declaration, createTranslator('de-DE', await loadCatalogue('de-DE'))),
    );
    const [, administrators] = valuesOf(
      german.get('_:process-runtime-user-information'),
      'dpv:hasDataSubject',
    ) as { 'dct:description': { '@value': string; '@language': string } }[];
    expect(administrators!['dct:description']['@language']).toBe('de-DE');
    expect(administrators!['dct:description']['@value']).not.toBe('Administrators');
  });

  it('says personal data only where the declaration says yes', () => {
    const { nodes } = graphOf(COMPLETE);
    expect(idsOf(nodes.get('_:process-account-data'), 'dpv:hasData')).toEqual([
      '_:data-account-data',
    ]);
    expect(nodes.get('_:data-account-data')?.['@type']).toBe('dpv:NonPersonalData');
    const session = nodes.get('_:data-session-tokens');
    expect(session?.['@type']).toBe('dpv:Data');
    expect(JSON.stringify(session?.['dct:description'])).toContain('Not stated');
    expect(nodes.get('_:process-session-tokens')?.['dpv:hasPersonalData']).toBeUndefined();
    expect(nodes.get('_:process-account-data')?.['dpv:hasRight']).toBeUndefined();
  });

  it('writes a period as xsd:duration, with its bound and what ends it in words', () => {
    const { nodes } = graphOf(COMPLETE);
    const conditions = valuesOf(nodes.get('_:process-operation-data'), 'dpv:hasStorageCondition');
    const duration = conditions.find(
      (condition) => (condition as Record<string, unknown>)['@type'] === 'dpv:StorageDuration',
    ) as Record<string, unknown>;
    const [until, period] = valuesOf(duration, 'dpv:hasDuration') as Record<string, unknown>[];
    expect(until?.['@type']).toBe('dpv:UntilEventDuration');
    expect(period?.['@type']).toBe('dpv:TemporalDuration');
    expect(period?.['rdf:value']).toEqual({ '@value': 'P180D', '@type': 'xsd:duration' });
    expect(JSON.stringify(period?.['dct:description'])).toContain('at most 180 days');
    expect(JSON.stringify(duration['dct:description'])).toContain('180 days');
    expect(idsOf({ conditions }, 'conditions')).toContain('_:location-exalate-cloud-belgium');
    expect(conditions.map((condition) => (condition as Record<string, unknown>)['@type'])).toEqual(
      expect.arrayContaining(['dpv:StorageRestoration', 'dpv:StorageDeletion']),
    );
  });

  it('writes a period shorter than a day, and weeks as days, which xsd:duration lacks', () => {
    const { nodes } = graphOf(COMPLETE);
    expect(JSON.stringify(nodes.get('_:process-session-tokens'))).toContain(
      '{"@value":"PT1H","@type":"xsd:duration"}',
    );
    expect(xsdDuration('P2W')).toBe('P14D');
    expect(xsdDuration('P1Y2W3DT4H')).toBe('P1Y17DT4H');
    expect(xsdDuration('P6M')).toBe('P6M');
  });

  it('leaves out storage for data that is processed but not stored', () => {
    const { nodes } = graphOf('privacy/declaration.yaml');
    const check = nodes.get('_:process-administrator-check');
    expect(idsOf(check, 'dpv:hasProcessing')).toEqual(['dpv:Collect']);
    expect(check?.['dpv:hasStorageCondition']).toBeUndefined();
  });

  it('names the encryption and handling the declaration states as technical measures', () => {
    const { nodes } = graphOf(COMPLETE);
    const process = nodes.get('_:process-operation-data');
    const measures = valuesOf(process, 'dpv:hasTechnicalMeasure') as Record<string, unknown>[];
    expect(measures).toContainEqual({
      '@type': 'dpv:EncryptionInTransfer',
      'dct:description': 'TLS 1.2 or later.',
    });
    // At rest is not-stated: its method is not claimed as encryption at rest.
    expect(measures.some((measure) => measure['@type'] === 'dpv:EncryptionAtRest')).toBe(false);
    expect(measures).toContainEqual({ '@id': 'dpv:Pseudonymisation' });
    expect(measures.map((measure) => measure['@type'])).toEqual(
      expect.arrayContaining(['dpv:Encryption', 'dpv:CryptographicKeyManagement']),
    );
    expect(idsOf(process, 'dpv:hasProcessing')).toEqual([
      'dpv:Collect',
      'dpv:Store',
      'dpv:Transfer',
      'dpv:Pseudonymise',
    ]);
  });

  it('types recipients as processors or third parties, with their names and countries', () => {
    const { nodes } = graphOf(COMPLETE);
    const google = nodes.get('_:recipient-google-cloud');
    expect(google?.['@type']).toBe('dpv:DataProcessor');
    expect(google?.['dpv:hasName']).toBe('Google Cloud');
    expect(idsOf(google, 'dpv:hasLocation')).toEqual(['loc:BE']);
    const rsync = nodes.get('_:recipient-rsync-net');
    expect(rsync?.['@type']).toBe('dpv:DataProcessor');
    expect(rsync?.['dpv:hasName']).toBe('Rsync.net');
    expect(idsOf(rsync, 'dpv:hasLocation')).toEqual(['loc:CH']);
    expect(idsOf(nodes.get('_:process-operation-data'), 'dpv:hasRecipient')).toEqual([
      '_:recipient-rsync-net',
      '_:recipient-google-cloud',
    ]);
    const { nodes: techtime } = graphOf('examples/techtime-user-management.yaml');
    const recipients = [...techtime.values()].filter((node) =>
      String(node['@id']).startsWith('_:recipient-'),
    );
    expect(
      recipients.some((node) => JSON.stringify(node['@type']).includes('dpv:ThirdParty')),
    ).toBe(true);
  });

  it('writes storage locations with their country, and transfers with their mechanism', () => {
    const { nodes } = graphOf(COMPLETE);
    const belgium = nodes.get('_:location-exalate-cloud-belgium');
    expect(belgium?.['@type']).toBe('dpv:StorageLocation');
    expect(idsOf(belgium, 'dpv:hasLocation')).toEqual(['loc:BE']);
    const transfer = nodes.get('_:transfer-1');
    expect(idsOf(transfer, 'dpv:hasProcessing')).toEqual(['dpv:CrossBorderTransfer']);
    expect(idsOf(transfer, 'dpv:hasLegalBasis')).toEqual(['eu-gdpr:A45-3']);
    expect(idsOf(transfer, 'dpv:hasLocation')).toEqual(['loc:CH']);
  });

  it("writes GDPR rights as DPV's articles, with the vendor's words where it has some", () => {
    const { nodes } = graphOf(COMPLETE);
    expect(idsOf(nodes.get('_:process-operation-data'), 'dpv:hasRight')).toEqual([
      '_:right-gdpr-erasure',
    ]);
    expect(nodes.get('_:right-gdpr-erasure')).toMatchObject({
      '@type': 'eu-gdpr:A17',
      'dct:description': 'The customer can ask for an earlier deletion.',
    });
    const bare: Declaration = {
      ...loadDeclaration(COMPLETE),
      rights: { regimes: [{ regime: 'gdpr', rights: [{ right: 'access' }, { right: 'know' }] }] },
    };
    const rights = valuesOf(
      nodesById(dpvDocument(bare)).get('_:process-operation-data'),
      'dpv:hasRight',
    );
    expect(rights).toEqual([{ '@id': 'eu-gdpr:A15' }, { '@id': '_:right-gdpr-know' }]);
    expect(nodesById(dpvDocument(bare)).get('_:right-gdpr-know')?.['@type']).toBe(
      'dpv:DataSubjectRight',
    );
  });

  it('tags translated vendor text with its languages', () => {
    const declaration = loadDeclaration(COMPLETE);
    const translated: Declaration = {
      ...declaration,
      purposes: declaration.purposes.map((purpose, index) =>
        index === 0
          ? { ...purpose, name: { en: 'Provide the service', de: 'Den Dienst erbringen' } }
          : purpose,
      ),
    };
    const purpose = nodesById(dpvDocument(translated)).get(
      `_:purpose-${declaration.purposes[0]!.id}`,
    );
    expect(purpose?.['dct:title']).toEqual([
      { '@value': 'Provide the service', '@language': 'en' },
      { '@value': 'Den Dienst erbringen', '@language': 'de' },
    ]);
  });
});
