/** Modules that matter to where data goes: web and scheduled triggers, Connect modules, products. */
import type {
  ConnectModule,
  ManifestPlace,
  ScheduledTrigger,
  ScopeProduct,
  WebTrigger,
} from './types.ts';
import type { Located, ManifestNodes } from './yaml-nodes.ts';

const MODULE_PRODUCTS: [RegExp, ScopeProduct][] = [
  [/^jiraServiceManagement:/, 'jira-service-management'],
  [/^(?:jira|connect-jira):/, 'jira'],
  [/^(?:confluence|connect-confluence):|^macro$/, 'confluence'],
  [/^compass:/, 'compass'],
  [/^bitbucket:/, 'bitbucket'],
];

/** The products the modules extend, in the order first seen, each at its first module type. */
export function moduleProducts(
  nodes: ManifestNodes,
  root: Located,
): (ManifestPlace & { product: ScopeProduct })[] {
  const products = new Map<ScopeProduct, ManifestPlace>();
  for (const [type, list] of nodes.entries(nodes.get(root, 'modules'))) {
    const product = MODULE_PRODUCTS.find(([pattern]) => pattern.test(type))?.[1];
    if (product && !products.has(product)) products.set(product, list.place);
  }
  return [...products].map(([product, place]) => ({ product, ...place }));
}

function keyed(nodes: ManifestNodes, module: Located): { key: string } | undefined {
  const key = nodes.text(nodes.get(module, 'key'));
  return key === undefined ? undefined : { key };
}

/** `webtrigger` modules; static when `response.type` is `static`. */
export function webTriggerFacts(nodes: ManifestNodes, root: Located): WebTrigger[] {
  return nodes.items(nodes.at(root, 'modules', 'webtrigger')).flatMap((module) => {
    const key = keyed(nodes, module);
    if (!key) return [];
    const type = nodes.text(nodes.at(module, 'response', 'type'));
    return [{ ...key, staticResponse: type === 'static', ...module.place }];
  });
}

/** `scheduledTrigger` modules. */
export function scheduledTriggerFacts(nodes: ManifestNodes, root: Located): ScheduledTrigger[] {
  return nodes.items(nodes.at(root, 'modules', 'scheduledTrigger')).flatMap((module) => {
    const key = keyed(nodes, module);
    if (!key) return [];
    const interval = nodes.text(nodes.get(module, 'interval'));
    return [{ ...key, ...(interval !== undefined && { interval }), ...module.place }];
  });
}

function connectList(nodes: ManifestNodes, type: string, list: Located): ConnectModule[] {
  const items = nodes.items(list);
  if (items.length === 0) return [{ type, ...list.place }];
  return items.map((module) => ({ type, ...keyed(nodes, module), ...module.place }));
}

/** Connect modules: `connectModules` (legacy, from a descriptor) and `connect-*:` modules. */
export function connectFacts(
  nodes: ManifestNodes,
  root: Located,
): { connectModules: ConnectModule[]; connectRemote?: ManifestPlace & { remote: string } } {
  const legacy = nodes
    .entries(nodes.get(root, 'connectModules'))
    .flatMap(([type, list]) => connectList(nodes, type, list));
  const adopted = nodes
    .entries(nodes.get(root, 'modules'))
    .filter(([type]) => type.startsWith('connect-'))
    .flatMap(([type, list]) => connectList(nodes, type, list));
  const remoteNode = nodes.at(root, 'app', 'connect', 'remote');
  const remote = nodes.text(remoteNode);
  return {
    connectModules: [...legacy, ...adopted],
    ...(remote !== undefined && remoteNode && { connectRemote: { remote, ...remoteNode.place } }),
  };
}
