import { countriesOfCategory } from '../document/references.ts';
import { labels } from '../present/labels.ts';
import type { DataForm } from '../schema/index.ts';
import { type ApiContext, type Verdict } from './marketplace-api-context.ts';
import type { AppTrustInformation, RoleAnswer } from './marketplace-api-schema.ts';
import { placesOf } from './marketplace-facts.ts';

/**
 * The payload's privacy and security sections: privacy-enhancing techniques from the forms data
 * is kept in, GDPR and CCPA roles (not applicable only where no End-User Data is personal; the
 * format names no role otherwise), transfers out of the EEA from the countries data reaches and
 * the declared transfers, the DPA, encryption at rest, and the security contact and policy.
 */

/** The EU's member states, Iceland, Liechtenstein and Norway. */
const EEA = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(
    ' ',
  ),
);

/** The forms of data that are privacy-enhancing techniques. */
const TECHNIQUES: readonly DataForm[] = ['anonymised', 'pseudonymised', 'hashed', 'aggregated'];

function techniques(
  context: ApiContext,
): AppTrustInformation['privacy']['privacyEnhancingTechniques'] {
  const used = TECHNIQUES.filter((form) =>
    context.stored.some((category) => category.handling?.forms?.includes(form)),
  );
  const unstated = context.stored.filter((category) => !category.handling?.forms?.length);
  if (used.length > 0) {
    return {
      arePrivacyEnhancingTechniquesSupported: true,
      privacyEnhancingTechniquesSupported: labels(context.translator, 'dataForm', used),
    };
  }
  if (unstated.length > 0) {
    const paths = unstated.map((category) => context.categoryPath(category, 'handling', 'forms'));
    context.open(
      'privacy.privacyEnhancingTechniques.arePrivacyEnhancingTechniquesSupported',
      'not-stated',
      paths,
    );
    context.open(
      'privacy.privacyEnhancingTechniques.privacyEnhancingTechniquesSupported',
      'not-stated',
      paths,
    );
    return {};
  }
  return { arePrivacyEnhancingTechniquesSupported: false, privacyEnhancingTechniquesSupported: [] };
}

/** Whether End-User Data leaves the EEA: a country it reaches, or a transfer, outside it. */
function leavesEea(context: ApiContext): { verdict: Verdict; answeredBy: string[] } {
  const { declaration, eud } = context;
  const transferred = (declaration.transfers ?? []).some((transfer) =>
    (transfer.to ?? []).some((code) => !EEA.has(code)),
  );
  const countries = eud.flatMap((category) => [...countriesOfCategory(declaration, category)]);
  if (transferred || countries.some((code) => !EEA.has(code)))
    return { verdict: 'yes', answeredBy: [] };
  const countryless = [
    ...new Set(
      context.stored.flatMap((c) => placesOf(declaration, c)).filter((place) => !place.country),
    ),
  ];
  const recipients = eud
    .flatMap((category) => category.recipients ?? [])
    .filter((id) => !declaration.recipients.find((r) => r.id === id)?.countries?.length);
  const answeredBy = [
    ...countryless.map((place) => context.itemPath('locations', place.id, 'country')),
    ...recipients.map((id) => context.itemPath('recipients', id, 'countries')),
  ];
  return { verdict: answeredBy.length ? 'not-stated' : 'no', answeredBy };
}

/** `privacy.gdpr.dataTransfer`. */
function dataTransfer(context: ApiContext) {
  const leaves = leavesEea(context);
  const field = 'privacy.gdpr.dataTransfer';
  if (leaves.verdict === 'not-stated') {
    context.open(`${field}.isEndUserDataTransferredOutsideEEA`, 'not-stated', leaves.answeredBy);
    context.open(`${field}.isTransferComplianceMechanismsAdhered`, 'not-stated', ['transfers']);
    return {};
  }
  if (leaves.verdict === 'no') return { isEndUserDataTransferredOutsideEEA: false };
  const transfers = context.declaration.transfers ?? [];
  const unstated = transfers.flatMap((transfer, index) =>
    transfer.mechanism === 'not-stated' || transfer.mechanism === 'other'
      ? [`transfers[${index}].mechanism`]
      : [],
  );
  const adhered = transfers.length > 0 && unstated.length === 0;
  if (!adhered) {
    context.open(
      `${field}.isTransferComplianceMechanismsAdhered`,
      'not-stated',
      unstated.length ? unstated : ['transfers'],
    );
  }
  return {
    isEndUserDataTransferredOutsideEEA: true,
    isTransferComplianceMechanismsAdhered: adhered ? true : undefined,
  };
}

/** `privacy`. */
export function privacy(context: ApiContext): AppTrustInformation['privacy'] {
  const { declaration, eud } = context;
  // Where no End-User Data is about people, neither law gives the vendor a role for it.
  const noPersonalData = eud.every((category) => category.personal === 'no');
  const role: RoleAnswer | undefined = noPersonalData ? 'NOT_APPLICABLE' : undefined;
  if (!role) {
    for (const field of [
      'gdpr.dataController.isAppDataController',
      'gdpr.dataProcessor.isAppDataProcessor',
      'gdpr.dataProcessor.endUserDataTypes',
      'ccpa.business.isAppBusiness',
      'ccpa.serviceProvider.isAppServiceProvider',
      'ccpa.serviceProvider.endUserDataTypes',
    ]) {
      context.open(`privacy.${field}`, 'no-declaration-field', ['rights.regimes']);
    }
  }
  const dpa = declaration.policy.dpaUrl ? 'TRUE' : undefined;
  if (!dpa)
    context.open('privacy.dataProcessingAgreement.isDPASupported', 'not-stated', ['policy.dpaUrl']);
  return {
    privacyEnhancingTechniques: techniques(context),
    gdpr: {
      dataController: { isAppDataController: role },
      dataProcessor: { isAppDataProcessor: role, endUserDataTypes: role ? [] : undefined },
      dataTransfer: dataTransfer(context),
    },
    ccpa: {
      business: { isAppBusiness: role },
      serviceProvider: { isAppServiceProvider: role, endUserDataTypes: role ? [] : undefined },
    },
    dataProcessingAgreement: { isDPASupported: dpa },
  };
}

/** A mailto: link as the e-mail address the resource expects; an https:// link as written. */
function contactAddress(contact: string): string {
  if (!contact.startsWith('mailto:')) return contact;
  const address = contact.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** `security`. */
export function security(context: ApiContext): AppTrustInformation['security'] {
  const { declaration, stored } = context;
  const atRest = stored.map((category) => category.encryptionAtRest ?? 'not-stated');
  let disk: boolean | undefined;
  if (stored.length === 0) {
    // Nothing is kept: the reference names no answer for an app without stored data.
    context.open('security.isDiskEncryptionSupported', 'value-not-in-reference');
  } else if (atRest.includes('no')) disk = false;
  else if (atRest.every((state) => state === 'yes')) disk = true;
  else {
    context.open(
      'security.isDiskEncryptionSupported',
      'not-stated',
      stored
        .filter((category) => (category.encryptionAtRest ?? 'not-stated') === 'not-stated')
        .map((category) => context.categoryPath(category, 'encryptionAtRest')),
    );
  }
  context.open('security.requiresUsersToProvidePATs', 'no-declaration-field');
  context.open('security.permissionsJustification', 'no-declaration-field');
  const contact = declaration.security?.securityContact;
  if (!contact)
    context.open('security.securityContact', 'not-stated', ['security.securityContact']);
  const policy = declaration.policy.securityUrl ?? declaration.policy.trustCenterUrl;
  if (!policy) {
    context.open('security.publicSecurityPoliciesLink', 'not-stated', [
      'policy.securityUrl',
      'policy.trustCenterUrl',
    ]);
  }
  return {
    isDiskEncryptionSupported: disk,
    securityContact: contact ? contactAddress(contact) : undefined,
    publicSecurityPoliciesLink: policy,
  };
}
