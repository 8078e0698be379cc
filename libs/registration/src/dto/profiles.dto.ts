import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ParticipantCategory } from '@app/catalog';

// Minimum profiles per DESIGN.md; the rest optional. Identifiers (uscc, idNumber) are
// shape-checked here and checksum-checked in profile.validator.ts.

const TALENT_LEVELS = ['national', 'provincial', 'city', 'county'] as const;

export class EnterpriseProfile {
  @IsString() @Length(1, 40) uscc!: string;
  @IsString() @Length(1, 100) contactName!: string;
  @IsOptional() @IsString() @Length(1, 100) industry?: string;
  @IsOptional() @IsString() @Length(1, 50) county?: string;
  @IsOptional() @IsString() @Length(1, 50) scale?: string;
  @IsOptional() @IsString() @Length(1, 1000) needs?: string;
}

export class PhdProfile {
  @IsString() @Length(1, 200) institution!: string;
  @IsString() @Length(1, 200) field!: string;
  @IsOptional() @IsBoolean() overseas?: boolean;
  @IsOptional() @IsString() @Length(1, 40) idNumber?: string;
  @IsOptional() @IsString() @Length(1, 1000) researchInterests?: string;
}

export class SkilledTalentProfile {
  @IsIn(TALENT_LEVELS) level!: (typeof TALENT_LEVELS)[number];
  @IsString() @Length(1, 100) occupation!: string;
  @IsOptional() @IsString() @Length(1, 200) employer?: string;
  @IsOptional() @IsString() @Length(1, 40) idNumber?: string;
  @IsOptional() @IsString() @Length(1, 100) certificate?: string;
}

export class GraduateProfile {
  @IsString() @Length(1, 200) university!: string;
  @IsString() @Length(1, 200) major!: string;
  @IsOptional() @IsInt() @Min(1950) @Max(2100) graduationYear?: number;
  @IsOptional() @IsString() @Length(1, 50) degree?: string;
}

export class WorkerProfile {
  @IsOptional() @IsString() @Length(1, 200) employer?: string;
  @IsOptional() @IsString() @Length(1, 100) occupation?: string;
  @IsOptional() @IsString() @Length(1, 40) idNumber?: string;
}

export class InstitutionProfile {
  @IsOptional() @IsString() @Length(1, 200) organization?: string;
  @IsOptional() @IsString() @Length(1, 50) kind?: string;
  @IsOptional() @IsString() @Length(1, 100) contactName?: string;
}

export class StartupTeamProfile {
  @IsString() @Length(1, 200) projectName!: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) teamSize?: number;
  @IsOptional() @IsString() @Length(1, 100) leader?: string;
}

export const PROFILE_CLASSES: Record<ParticipantCategory, new () => object> = {
  enterprise: EnterpriseProfile,
  phd: PhdProfile,
  skilled_talent: SkilledTalentProfile,
  graduate: GraduateProfile,
  worker: WorkerProfile,
  institution: InstitutionProfile,
  startup_team: StartupTeamProfile,
};
