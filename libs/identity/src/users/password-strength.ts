import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { PINYIN_PASSWORDS } from './common-passwords';

/** zxcvbn's scale: 0 too guessable … 4 very unguessable; 3 is "safely unguessable" (~10^10 guesses). */
export const MIN_PASSWORD_SCORE = 3;

// built once: loading the dictionaries costs tens of milliseconds
let factory: ZxcvbnFactory | undefined;
const estimator = (): ZxcvbnFactory =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, pinyin: [...PINYIN_PASSWORDS] },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // the estimate's cost grows fast with length and l33t variants (seconds for 256 mixed
    // characters); the first 64 characters and 10 substitutions decide as well in practice
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  }));

/**
 * zxcvbn's score for `password`, with the account's own words (the email, its local part and
 * domain labels) counted as guessable too.
 */
export function passwordScore(password: string, email: string): number {
  const address = email.trim().toLowerCase();
  const [local = '', domain = ''] = address.split('@');
  const inputs = [address, local, ...local.split(/[._+-]/), ...domain.split('.')].filter((w) => w.length >= 3);
  return estimator().check(password, inputs).score;
}
