import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldProblem, flattenValidationErrors, invalid } from '@app/core';
import { checkIdCard, checkMobile, checkUscc } from '../identifiers';
import { CreateRegistrationDto } from './registration.dto';
import { PROFILE_CLASSES } from './profiles.dto';

export interface NormalizedRegistration {
  identityKey: string;
  phone: string | null;
  idNumber: string | null;
  level: string | null;
  profile: Record<string, unknown>;
}

/**
 * Checks the category's profile and every Chinese identifier, collecting all problems so
 * one 400 names every bad field (`profile.uscc`, `phone`, …). Pure: writes nothing.
 */
export function normalizeRegistration(dto: CreateRegistrationDto): NormalizedRegistration {
  const problems: FieldProblem[] = [];
  const cls = PROFILE_CLASSES[dto.category];
  const profile = plainToInstance(cls, dto.profile, { enableImplicitConversion: false }) as Record<string, unknown>;
  const errors = validateSync(profile, { whitelist: true, forbidNonWhitelisted: true });
  problems.push(...flattenValidationErrors(errors, 'profile'));

  let phone: string | null = null;
  if (dto.phone !== undefined && dto.phone !== '') {
    const r = checkMobile(dto.phone);
    if (r.ok) phone = r.value;
    else problems.push({ field: 'phone', reason: r.reason, code: 'invalid_mobile' });
  }

  let identityKey = `email:${dto.email}`;
  if (dto.category === 'enterprise' && typeof profile.uscc === 'string') {
    const r = checkUscc(profile.uscc);
    if (r.ok) {
      profile.uscc = r.value;
      identityKey = `uscc:${r.value}`;
    } else problems.push({ field: 'profile.uscc', reason: r.reason, code: 'invalid_uscc' });
  }

  let idNumber: string | null = null;
  if (typeof profile.idNumber === 'string') {
    const r = checkIdCard(profile.idNumber);
    if (r.ok) idNumber = r.value;
    else problems.push({ field: 'profile.idNumber', reason: r.reason, code: 'invalid_id_number' });
    // kept in its own column (masked in lists), not in the free-form profile
    delete profile.idNumber;
  }

  if (problems.length > 0) throw invalid(problems, `${problems[0]!.field}: ${problems[0]!.reason}`);
  const level = dto.category === 'skilled_talent' ? String(profile.level) : null;
  return { identityKey, phone, idNumber, level, profile: { ...profile } };
}
