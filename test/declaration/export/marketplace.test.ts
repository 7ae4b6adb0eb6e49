import { describe, expect, it } from 'vitest';
import { marketplaceAnswers, toMarketplaceAnswers, type Declaration } from '@declaration';
import { loadExample } from '../../examples/load-example.ts';

const exalate = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');

function answer(declaration: Declaration, question: RegExp): string {
  const found = marketplaceAnswers(declaration).find((qa) => question.test(qa.question));
  if (!found) throw new Error(`no question matching ${question}`);
  return found.answer;
}

describe('Marketplace "Privacy & security" answers', () => {
  it('says an app hosted on its own cloud stores and shares End-User Data (Exalate, seed 002)', () => {
    expect(answer(exalate, /store End-User Data outside/)).toBe('Yes. Operation Data.');
    expect(answer(exalate, /share End-User Data/)).toContain(
      'Google Cloud (Belgium, europe-west1)',
    );
    expect(answer(exalate, /data residency/)).toMatch(/^No\./);
    expect(answer(exalate, /hosted/)).toContain('Rsync.net, Switzerland');
    expect(answer(exalate, /retained/)).toContain('180 days after the subscription ends');
    expect(answer(exalate, /deletion/)).toMatch(/^Yes\./);
  });

  it('says No for an app that keeps End-User Data in Forge storage only', () => {
    const forge: Declaration = structuredClone(exalate);
    forge.locations = [{ id: 'forge-storage', hostedBy: 'atlassian', followsDataResidency: 'yes' }];
    forge.dataCategories.forEach((category) => {
      category.storedIn = ['forge-storage'];
      // Format 2 says residency per kind of data: all of it follows the pin here.
      category.residency = 'in-scope';
      delete category.recipients;
    });
    expect(answer(forge, /store End-User Data outside/)).toBe('No.');
    expect(answer(forge, /process End-User Data outside/)).toBe('No.');
    expect(answer(forge, /share End-User Data/)).toBe('No.');
    expect(answer(forge, /data residency/)).toMatch(/^Yes\./);
  });

  it('writes plain text question and answer pairs', () => {
    const text = toMarketplaceAnswers(exalate);
    expect(
      text.startsWith('Q: Does your app access End-User Data?\nA: Yes. Operation Data.\n'),
    ).toBe(true);
    expect(text).not.toMatch(/undefined|\[object/);
  });
});
