import { checkIdCard } from '@identifiers/id-card';
import { toHalfWidth } from '@identifiers/normalize';
import { checkMobile } from '@identifiers/phone';
import { checkUscc } from '@identifiers/uscc';
import type { TFunction } from 'i18next';

/**
 * Form rules built on the API's own identifier checks (libs/registration/src/identifiers),
 * so the browser refuses exactly what the API would, with a message in the reader's language.
 */
type Validator = (_: unknown, value: unknown) => Promise<void>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function usccValidator(t: TFunction): Validator {
  return async (_, value) => {
    if (!text(value)) return;
    const result = checkUscc(text(value));
    if (result.ok) return;
    if (result.reason.includes('18 characters')) throw new Error(t('form.usccLength'));
    if (result.reason.includes('not allowed')) throw new Error(t('form.usccChars'));
    throw new Error(t('form.usccCheck'));
  };
}

export function mobileValidator(t: TFunction): Validator {
  return async (_, value) => {
    if (!text(value)) return;
    const result = checkMobile(text(value));
    if (result.ok) return;
    throw new Error(result.reason.includes('11-digit') ? t('form.phoneLength') : t('form.phonePrefix'));
  };
}

export function idCardValidator(t: TFunction): Validator {
  return async (_, value) => {
    if (!text(value)) return;
    const result = checkIdCard(text(value));
    if (result.ok) return;
    if (result.reason.includes('17 digits')) throw new Error(t('form.idLength'));
    if (result.reason.includes('birth')) throw new Error(t('form.idBirth'));
    throw new Error(t('form.idCheck'));
  };
}

/** What is sent: half-width, trimmed (the API normalizes again). */
export const clean = (value: unknown): string => toHalfWidth(text(value)).trim();
