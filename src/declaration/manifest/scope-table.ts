/**
 * What each OAuth scope lets a Forge app read, in plain words, from Atlassian's scope
 * descriptions (developer.atlassian.com: Jira, Confluence, Jira Service Management, Compass and
 * Bitbucket scopes, classic and granular). `terms` are the words a data category that declares
 * this data would use; a category matches when its name, description, examples or notes contain
 * one of them (or the scope itself).
 */
import type { ScopeProduct } from './types.ts';

/** One row of the table. */
export interface ScopeData {
  product: ScopeProduct;
  reads: string[];
  personal: boolean;
  terms: string[];
}

const ISSUE_TERMS = ['issue', 'ticket', 'comment', 'worklog', 'attachment', 'project'];
const USER_TERMS = [
  'user',
  'account',
  'e-mail',
  'email',
  'display name',
  'avatar',
  'profile',
  'people',
  'person',
];
const PAGE_TERMS = ['page', 'blog', 'content', 'space', 'comment', 'attachment', 'macro'];

const row = (
  product: ScopeProduct,
  reads: string[],
  personal: boolean,
  terms: string[],
): ScopeData => ({ product, reads, personal, terms });

/** Scopes that let the app read nothing about people or content (storage, writes, reporting). */
export const READS_NOTHING = new Set([
  'storage:app',
  'report:personal-data',
  'write:jira-work',
  'write:confluence-content',
  'write:confluence-file',
  'write:confluence-props',
  'write:confluence-space',
  'write:servicedesk-request',
  'manage:jira-webhook',
  'manage:jira-data-provider',
  'read:app-system-token',
  'read:app-user-token',
]);

/** Classic and granular scopes, by name. */
export const SCOPE_TABLE: Record<string, ScopeData> = {
  // Jira, classic
  'read:jira-work': row(
    'jira',
    [
      'issues with all their fields (summary, description, assignee, reporter, custom fields)',
      'comments',
      'worklogs',
      'attachments',
      'projects, boards, sprints, versions, filters and dashboards',
      "the user's permissions, such as whether they are a Jira administrator",
    ],
    true,
    [
      ...ISSUE_TERMS,
      'board',
      'sprint',
      'release',
      'filter',
      'dashboard',
      'permission',
      'administrator',
    ],
  ),
  'read:jira-user': row(
    'jira',
    [
      'user names, display names and account ids',
      'e-mail addresses (where the user allows)',
      'avatars, time zones and locales',
      'groups',
    ],
    true,
    [...USER_TERMS, 'group'],
  ),
  'manage:jira-project': row(
    'jira',
    ['project settings, components and versions', 'project roles and their members'],
    true,
    ['project', 'component', 'version', 'role'],
  ),
  'manage:jira-configuration': row(
    'jira',
    ['Jira settings: workflows, issue types, fields, screens and permission schemes'],
    false,
    ['configuration', 'setting', 'workflow', 'field', 'scheme', 'permission'],
  ),
  // Jira, granular
  'read:issue:jira': row('jira', ['issues with their fields'], true, ISSUE_TERMS),
  'read:issue-details:jira': row('jira', ['issue details'], true, ISSUE_TERMS),
  'read:issue-meta:jira': row('jira', ['issue metadata (types, fields, screens)'], false, [
    'issue',
    'field',
  ]),
  'read:comment:jira': row('jira', ['issue comments'], true, ['comment', 'issue']),
  'read:issue-worklog:jira': row('jira', ['worklogs: who logged how much time, when'], true, [
    'worklog',
    'time',
    'issue',
  ]),
  'read:attachment:jira': row('jira', ['issue attachments'], true, ['attachment', 'file', 'issue']),
  'read:user:jira': row('jira', ['user names, display names and account ids'], true, USER_TERMS),
  'read:email-address:jira': row('jira', ['e-mail addresses'], true, [
    'e-mail',
    'email',
    'user',
    'account',
  ]),
  'read:group:jira': row('jira', ['groups and their members'], true, ['group', 'user', 'member']),
  'read:project:jira': row('jira', ['projects: names, keys, leads and categories'], true, [
    'project',
  ]),
  'read:project-version:jira': row('jira', ['project versions (releases) and their dates'], false, [
    'project version',
    'fix version',
    'release',
  ]),
  'read:board-scope:jira-software': row('jira', ['boards and their issues'], true, [
    'board',
    'issue',
  ]),
  'read:sprint:jira-software': row('jira', ['sprints and their issues'], true, ['sprint', 'issue']),
  'read:permission:jira': row(
    'jira',
    ["users' permissions, such as whether they are administrators"],
    true,
    ['permission', 'administrator'],
  ),
  // Jira Service Management
  'read:servicedesk-request': row(
    'jira-service-management',
    [
      'customer requests with their fields, comments and attachments',
      'request participants and customers (names, e-mail addresses)',
      'service desks, queues and request types',
    ],
    true,
    [
      'request',
      'ticket',
      'customer',
      'participant',
      'comment',
      'queue',
      'service desk',
      'portal',
      'checklist',
    ],
  ),
  'manage:servicedesk-customer': row(
    'jira-service-management',
    ['customers and organizations: names and e-mail addresses'],
    true,
    ['customer', 'organization', 'organisation', 'e-mail', 'email'],
  ),
  'read:servicemanagement-insight-objects': row(
    'jira-service-management',
    ['Assets objects and their attributes'],
    true,
    ['asset', 'object', 'insight'],
  ),
  // Confluence, classic
  'read:confluence-content.all': row(
    'confluence',
    [
      'pages, blog posts and comments with their full content',
      'attachments and page properties',
      'authors and editors',
    ],
    true,
    PAGE_TERMS,
  ),
  'read:confluence-content.summary': row(
    'confluence',
    ['titles, authors and dates of pages, blog posts and comments (not their body)'],
    true,
    [...PAGE_TERMS, 'title'],
  ),
  'read:confluence-content.permission': row('confluence', ['who may view or edit content'], true, [
    'permission',
    'restriction',
    'content',
  ]),
  'read:confluence-space.summary': row(
    'confluence',
    ['space names, keys and descriptions'],
    false,
    ['space'],
  ),
  'read:confluence-props': row('confluence', ['content and space properties'], false, [
    'propert',
    'content',
    'space',
  ]),
  'read:confluence-user': row(
    'confluence',
    [
      'user names, display names and account ids',
      'e-mail addresses (where the user allows) and profile pictures',
      "the current user's details and what they may do, such as administer Confluence",
    ],
    true,
    [...USER_TERMS, 'administrator', 'permission'],
  ),
  'read:confluence-groups': row('confluence', ['groups and their members'], true, [
    'group',
    'member',
    'user',
  ]),
  'search:confluence': row(
    'confluence',
    ['search results across pages, blog posts, comments and spaces'],
    true,
    [...PAGE_TERMS, 'search'],
  ),
  'readonly:content.attachment:confluence': row('confluence', ['attachments'], true, [
    'attachment',
    'file',
  ]),
  // Confluence, granular
  'read:page:confluence': row('confluence', ['pages and their content'], true, PAGE_TERMS),
  'read:blogpost:confluence': row('confluence', ['blog posts and their content'], true, PAGE_TERMS),
  'read:comment:confluence': row('confluence', ['comments on pages and blog posts'], true, [
    'comment',
    'page',
  ]),
  'read:space:confluence': row('confluence', ['spaces'], false, ['space']),
  'read:content-details:confluence': row(
    'confluence',
    ['content details: titles, versions, authors'],
    true,
    PAGE_TERMS,
  ),
  'read:content.property:confluence': row('confluence', ['content properties'], false, [
    'propert',
    'content',
  ]),
  'read:user:confluence': row(
    'confluence',
    ['user names, display names and account ids'],
    true,
    USER_TERMS,
  ),
  'read:attachment:confluence': row('confluence', ['attachments'], true, ['attachment', 'file']),
  // Compass
  'read:component:compass': row(
    'compass',
    ['components: names, owners, fields, links and labels'],
    true,
    ['component', 'service', 'owner', 'team'],
  ),
  'read:scorecard:compass': row('compass', ['scorecards and component scores'], false, [
    'scorecard',
    'score',
  ]),
  'read:event:compass': row(
    'compass',
    ['component events (deployments, incidents, builds)'],
    true,
    ['event', 'deployment', 'incident', 'build'],
  ),
  'read:metric:compass': row('compass', ['component metrics'], false, ['metric']),
  // Bitbucket
  'read:repository:bitbucket': row('bitbucket', ['repositories, their code and commits'], true, [
    'repositor',
    'code',
    'commit',
    'source',
  ]),
  'read:pullrequest:bitbucket': row('bitbucket', ['pull requests and their comments'], true, [
    'pull request',
    'comment',
    'review',
  ]),
  // The Atlassian account
  'read:me': row(
    'atlassian-account',
    ["the signed-in user's account id, name, e-mail address and picture"],
    true,
    USER_TERMS,
  ),
  'read:account': row(
    'atlassian-account',
    ['account profiles: names, e-mail addresses, pictures'],
    true,
    USER_TERMS,
  ),
};

const PRODUCTS: Record<string, ScopeProduct> = {
  jira: 'jira',
  'jira-software': 'jira',
  'jira-service-management': 'jira-service-management',
  servicedesk: 'jira-service-management',
  confluence: 'confluence',
  compass: 'compass',
  bitbucket: 'bitbucket',
};

/**
 * A scope not in the table, read from its name: granular scopes are `read:<what>:<product>`
 * (`read:issue-type:jira` reads issue types). Anything that is not a read (`write:`, `delete:`,
 * `manage:`) reads nothing this check asks about.
 */
export function scopeFromName(scope: string): ScopeData {
  const [action = '', what = '', productName = ''] = scope.split(':');
  const product = PRODUCTS[productName] ?? PRODUCTS[what.split('-')[0] ?? ''] ?? 'forge';
  if (!/^(?:read|search|readonly)$/.test(action) || !what) {
    return { product, reads: [], personal: false, terms: [] };
  }
  const words = what
    .split(/[-.]/)
    .filter((word) => word.length > 2 && word !== 'jira' && word !== 'confluence');
  return {
    product,
    reads: [`${words.join(' ')} data${productName ? ` in ${productName}` : ''}`],
    personal: true,
    terms: words,
  };
}
