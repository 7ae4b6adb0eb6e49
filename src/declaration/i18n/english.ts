import english from '../../../locales/en-US.json' with { type: 'json' };
import { createTranslator, type Translator } from './translator.ts';

/**
 * The English translator, over the source catalogue imported statically: for tests and the
 * CLI's default. The page bundle loads its catalogues through Forge instead.
 */
export const ENGLISH: Translator = createTranslator('en-US', english);
