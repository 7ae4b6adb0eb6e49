import { z } from 'zod';
import { HttpsUrl, Notes, Platform, Text } from './primitives.ts';

/** How an app is built. */
export const Framework = z
  .enum(['forge', 'connect', 'p2', 'other'])
  .describe('How the app is built: Forge, Connect or a P2 (Server / Data Center) plugin.');

/** What the declaration says about one hosting platform. */
export const PlatformStatement = z
  .strictObject({
    platform: Platform,
    statement: Text.describe(
      'What is true on this platform, e.g. "Data Center: nothing leaves your instance".',
    ),
    framework: Framework.optional().describe(
      'How the app is built on this platform, when it differs from app.framework.',
    ),
  })
  .describe('A statement about how the app handles data on one hosting platform.');

const FORGE_APP_ID =
  /^ari:cloud:ecosystem::app\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The app (or family of apps) the declaration is about. */
export const App = z
  .strictObject({
    name: Text.describe("The app's name as listed on the Marketplace."),
    coveredApps: z
      .array(Text)
      .optional()
      .describe('When one declaration covers several apps, their names.'),
    products: z
      .array(
        z.enum([
          'jira',
          'jira-service-management',
          'confluence',
          'bitbucket',
          'compass',
          'bamboo',
          'other',
        ]),
      )
      .optional()
      .describe('The Atlassian products the app extends.'),
    framework: Framework.optional(),
    forgeAppId: z
      .string()
      .regex(FORGE_APP_ID, {
        message: 'must be a Forge app id like ari:cloud:ecosystem::app/<uuid>',
      })
      .optional()
      .describe('The Forge app id from manifest.yml, ari:cloud:ecosystem::app/<uuid>.'),
    marketplaceUrl: HttpsUrl.refine(
      (url) => /^https:\/\/marketplace\.atlassian\.com\/apps\/\d+(\/[^?#]*)?([?#].*)?$/.test(url),
      {
        message: 'must be a listing link like https://marketplace.atlassian.com/apps/1234/app-name',
      },
    )
      .optional()
      .describe(
        'The Marketplace listing, https://marketplace.atlassian.com/apps/<id>/<slug>. The "Privacy & security" tab link is derived from it.',
      ),
    platforms: z
      .array(PlatformStatement)
      .min(1, { message: 'must name at least one platform the declaration covers' })
      .describe('The hosting platforms this declaration covers, each with what is true there.'),
    notCovered: z
      .array(
        z.strictObject({
          platform: Platform,
          statement: Text.optional().describe(
            'What the policy says, e.g. that it covers Cloud only.',
          ),
        }),
      )
      .optional()
      .describe(
        'Platforms the app exists on that this declaration (and the policy) does not cover.',
      ),
    notes: Notes.optional(),
  })
  .superRefine((app, ctx) => {
    const covered = new Set(app.platforms.map((statement) => statement.platform));
    app.notCovered?.forEach((entry, index) => {
      if (covered.has(entry.platform)) {
        ctx.addIssue({
          code: 'custom',
          path: ['notCovered', index, 'platform'],
          message: `"${entry.platform}" is both covered (app.platforms) and not covered`,
        });
      }
    });
  })
  .describe('The app this declaration is about.');
