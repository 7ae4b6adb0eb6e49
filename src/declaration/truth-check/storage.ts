/** Declared storage matches what the manifest grants: Forge storage declared is granted, and granted is declared. */
import { grantsForgeStorage } from '../manifest/storage.ts';
import type { ManifestFacts, ManifestPlace } from '../manifest/types.ts';
import type { Declaration } from '../schema/index.ts';
import { isForgeStorage, locationsHoldingData } from './declared.ts';
import type { Finding } from './types.ts';

function place({ line, column, path }: ManifestPlace): ManifestPlace {
  return { line, column, path };
}

/** Every storage grant in the manifest, with how it reads. */
function grants(facts: ManifestFacts): { where: ManifestPlace; what: string }[] {
  const { storage } = facts;
  return [
    ...(storage.storageScope
      ? [
          {
            where: storage.storageScope,
            what: 'the scope storage:app (Key-Value Store and custom entities)',
          },
        ]
      : []),
    ...storage.entities.map((entity) => ({
      where: entity as ManifestPlace,
      what: `the custom entity ${entity.name}`,
    })),
    ...storage.sql.map((module) => ({
      where: module as ManifestPlace,
      what: `the Forge SQL module ${module.key}`,
    })),
    ...storage.objectStores.map((module) => ({
      where: module as ManifestPlace,
      what: `the Forge Object Store module ${module.key}`,
    })),
  ];
}

/** Findings for storage declared but not granted, and granted but not declared. */
export function checkStorage(declaration: Declaration, facts: ManifestFacts): Finding[] {
  const holding = locationsHoldingData(declaration);
  const findings: Finding[] = [];
  if (!grantsForgeStorage(facts.storage)) {
    for (const [location, index] of holding.filter(([location]) => isForgeStorage(location))) {
      findings.push({
        rule: 'storage-not-granted',
        severity: 'contradiction',
        message: `The declaration stores data in ${location.name ?? location.id} (Forge-hosted storage), but manifest.yml grants no Forge storage: no storage:app scope, no app.storage.entities, no sql or objectStore module. Either the app stores nothing there, or the manifest lacks the scope.`,
        manifest: place(facts.permissionsPlace),
        declaration: { path: ['locations', index] },
      });
    }
  } else if (!holding.some(([location]) => location.hostedBy === 'atlassian')) {
    for (const grant of grants(facts)) {
      findings.push({
        rule: 'storage-undeclared',
        severity: 'contradiction',
        message: `manifest.yml grants ${grant.what}, but no declared location hosted by Atlassian holds any data category. Declare the Forge storage location (hostedBy: atlassian) and the categories stored in it, or remove the grant if the app stores nothing.`,
        manifest: place(grant.where),
        declaration: { path: ['locations'] },
      });
    }
  }
  return findings;
}
