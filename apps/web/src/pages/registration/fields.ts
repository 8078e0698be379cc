import type { Category } from '../../api/types';

export type FieldKind = 'text' | 'uscc' | 'mobile' | 'email' | 'idCard' | 'level';

export interface FieldSpec {
  /** form path; the API names the same path in `details[].field` (e.g. profile.uscc) */
  name: string[];
  label: string;
  kind: FieldKind;
  required: boolean;
  autoComplete?: string;
}

const phone: FieldSpec = { name: ['phone'], label: 'form.phone', kind: 'mobile', required: true, autoComplete: 'tel' };
const email: FieldSpec = { name: ['email'], label: 'form.email', kind: 'email', required: true, autoComplete: 'email' };
const person: FieldSpec = {
  name: ['name'],
  label: 'form.personName',
  kind: 'text',
  required: true,
  autoComplete: 'name',
};
const idCard: FieldSpec = { name: ['profile', 'idNumber'], label: 'form.idNumber', kind: 'idCard', required: false };
const text = (path: string, label: string, required = true, autoComplete?: string): FieldSpec => ({
  name: path.split('.'),
  label,
  kind: 'text',
  required,
  autoComplete,
});

/** Each category's fields, in the order a person fills them (DESIGN.md minimum profiles first). */
export const FIELDS: Record<Category, FieldSpec[]> = {
  enterprise: [
    text('name', 'form.companyName', true, 'organization'),
    { name: ['profile', 'uscc'], label: 'form.uscc', kind: 'uscc', required: true },
    text('profile.contactName', 'form.contactName', true, 'name'),
    phone,
    email,
  ],
  phd: [person, text('profile.institution', 'form.institution'), text('profile.field', 'form.field'), phone, email],
  skilled_talent: [
    person,
    { name: ['profile', 'level'], label: 'form.talentLevel', kind: 'level', required: true },
    text('profile.occupation', 'form.occupation'),
    idCard,
    phone,
    email,
  ],
  graduate: [person, text('profile.university', 'form.university'), text('profile.major', 'form.major'), phone, email],
  worker: [person, text('profile.employer', 'form.employer', false), idCard, phone, email],
  institution: [
    text('name', 'form.organization', true, 'organization'),
    text('profile.contactName', 'form.contactName', true, 'name'),
    phone,
    email,
  ],
  startup_team: [text('profile.projectName', 'form.projectName'), person, phone, email],
};

export const TALENT_LEVELS = ['national', 'provincial', 'city', 'county'] as const;
