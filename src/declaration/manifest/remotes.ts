/** The `remotes` of a manifest: base URLs per region, operations, residency and tokens. */
import { parseHost, type HostPattern } from './hosts.ts';
import type { Remote, RemoteBaseUrl, RemoteOperation } from './types.ts';
import type { Located, ManifestNodes } from './yaml-nodes.ts';

const OPERATIONS = new Set<string>(['storage', 'compute', 'fetch', 'other']);

/**
 * Whether in-scope End-User Data goes to the remote. Forge's manifest reference: without
 * `operations`, Forge assumes the app stores in-scope End-User Data there; data sent for compute,
 * fetch or other (logs, diagnostics) leaves Atlassian too; storage is in scope unless
 * `storage.inScopeEUD` is false.
 */
function handlesInScopeData(
  operations: RemoteOperation[],
  written: boolean,
  storageInScopeEUD: boolean | undefined,
): boolean {
  if (!written) return true;
  if (operations.some((operation) => operation !== 'storage')) return true;
  return operations.includes('storage') && storageInScopeEUD !== false;
}

function baseUrls(nodes: ManifestNodes, remote: Located): RemoteBaseUrl[] {
  const baseUrl = nodes.get(remote, 'baseUrl');
  const single = nodes.text(baseUrl);
  if (single !== undefined && baseUrl) {
    return [{ region: 'default', url: single, host: parseHost(single), ...baseUrl.place }];
  }
  return nodes.entries(baseUrl).flatMap(([region, value]) => {
    const url = nodes.text(value);
    return url === undefined ? [] : [{ region, url, host: parseHost(url), ...value.place }];
  });
}

/** Every remote, in the order the manifest writes them. */
export function remoteFacts(nodes: ManifestNodes, root: Located): Remote[] {
  return nodes.items(nodes.get(root, 'remotes')).flatMap((remote): Remote[] => {
    const key = nodes.text(nodes.get(remote, 'key'));
    if (key === undefined) return [];
    const operationsNode = nodes.get(remote, 'operations');
    const operations = nodes
      .items(operationsNode)
      .map((item) => nodes.text(item))
      .filter((operation): operation is RemoteOperation => OPERATIONS.has(operation ?? ''));
    const storageInScopeEUD = nodes.flag(nodes.at(remote, 'storage', 'inScopeEUD'));
    const configurable = nodes.get(remote, 'configurable');
    const supportedPatterns = nodes
      .items(nodes.get(configurable, 'supportedPatterns'))
      .map((item) => parseHost(nodes.text(item) ?? ''))
      .filter((pattern): pattern is HostPattern => pattern !== undefined);
    return [
      {
        key,
        baseUrls: baseUrls(nodes, remote),
        operations,
        operationsWritten: operationsNode !== undefined,
        ...(storageInScopeEUD !== undefined && { storageInScopeEUD }),
        configurable: configurable !== undefined,
        supportedPatterns,
        tokens: {
          appSystem: nodes.flag(nodes.at(remote, 'auth', 'appSystemToken', 'enabled')) === true,
          appUser: nodes.flag(nodes.at(remote, 'auth', 'appUserToken', 'enabled')) === true,
        },
        handlesInScopeData: handlesInScopeData(
          operations,
          operationsNode !== undefined,
          storageInScopeEUD,
        ),
        ...remote.place,
      },
    ];
  });
}
