/** The declaration names the same app and products as the manifest. */
import type { ManifestFacts, ManifestPlace } from '../manifest/types.ts';
import type { Declaration } from '../schema/index.ts';
import type { Finding } from './types.ts';

/** Findings for a different Forge app id and for products the declaration does not list. */
export function checkApp(declaration: Declaration, facts: ManifestFacts): Finding[] {
  const findings: Finding[] = [];
  const declared = declaration.app.forgeAppId;
  if (declared && facts.appId && facts.appIdPlace && declared !== facts.appId) {
    findings.push({
      rule: 'app-id-mismatch',
      severity: 'warning',
      message: `The declaration is for the Forge app ${declared}, but manifest.yml is the app ${facts.appId}: is this the declaration of another app?`,
      manifest: facts.appIdPlace,
      declaration: { path: ['app', 'forgeAppId'] },
    });
  }
  const products = declaration.app.products;
  if (products) {
    for (const { product, line, column, path } of facts.products) {
      if ((products as string[]).includes(product)) continue;
      const where: ManifestPlace = { line, column, path };
      findings.push({
        rule: 'product-undeclared',
        severity: 'warning',
        message: `manifest.yml has ${product} modules, but app.products does not list ${product}.`,
        manifest: where,
        declaration: { path: ['app', 'products'] },
      });
    }
  }
  return findings;
}
