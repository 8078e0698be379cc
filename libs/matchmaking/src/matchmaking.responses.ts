import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COOPERATION_MODES, MATCH_SIDES, MATCH_TAGS, MEETING_RESULTS, MEETING_STATUSES } from './vocabulary';

/** Response classes of the matchmaking routes: the OpenAPI shapes of the views in this lib. */

export class MatchVocabularyResponse {
  @ApiProperty({ type: [String], example: [...MATCH_TAGS.slice(0, 2)] }) tags!: string[];
  @ApiProperty({ type: [String], example: [...COOPERATION_MODES.slice(0, 2)] }) cooperationModes!: string[];
}

export class MatchSlotTimeResponse {
  @ApiProperty({ type: 'integer', minimum: 1 }) slotNo!: number;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class MatchmakingSettingsResponse {
  @ApiProperty({ type: 'integer' }) sessionId!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: 'integer' }) meetingMinutes!: number;
  @ApiProperty({ format: 'date-time' }) firstSlotAt!: string;
  @ApiProperty({ type: 'integer' }) slotCount!: number;
  @ApiProperty({ type: 'integer' }) tableCount!: number;
  @ApiProperty({ format: 'date-time' }) requestDeadline!: string;
  @ApiProperty({ type: 'integer' }) maxOpenRequests!: number;
  @ApiProperty({ type: 'integer' }) scheduleVersion!: number;
  @ApiProperty({ type: [MatchSlotTimeResponse] }) slots!: MatchSlotTimeResponse[];
}

export class ScheduleRunResponse {
  @ApiProperty({ type: 'integer' }) sessionId!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) placed!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) alreadyPlaced!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) unplaced!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'meetings created from top suggestions in free slots' })
  suggested!: number;
  @ApiProperty({ type: 'integer' }) scheduleVersion!: number;
  @ApiProperty({ description: 'how long the run took, milliseconds' }) elapsedMs!: number;
}

export class MeetingPlacementMoveResponse {
  @ApiProperty({ type: 'integer' }) meetingId!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) tableNo!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) slotNo!: number;
  @ApiProperty({ type: 'integer' }) scheduleVersion!: number;
}

export class AgendaMailsResponse {
  @ApiProperty({ type: 'integer' }) sessionId!: number;
  @ApiProperty({ type: 'integer' }) scheduleVersion!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) recipients!: number;
}

export class MatrixPartyResponse {
  @ApiProperty({ type: 'integer' }) registrationId!: number;
  @ApiProperty() name!: string;
}

export class MatrixPartnerResponse extends MatrixPartyResponse {
  @ApiProperty({ type: String, nullable: true }) organization!: string | null;
}

export class MatrixCellResponse {
  @ApiProperty({ type: 'integer' }) meetingId!: number;
  @ApiProperty({ type: 'integer' }) tableNo!: number;
  @ApiProperty({ type: 'integer' }) slotNo!: number;
  @ApiProperty({ type: MatrixPartyResponse }) enterprise!: MatrixPartyResponse;
  @ApiProperty({ type: MatrixPartnerResponse }) partner!: MatrixPartnerResponse;
  @ApiProperty({ type: String, enum: MEETING_RESULTS, nullable: true }) enterpriseResult!: string | null;
  @ApiProperty({ type: String, enum: MEETING_RESULTS, nullable: true }) partnerResult!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) outcomeId!: number | null;
}

export class MatchMatrixResponse {
  @ApiProperty({ type: MatchmakingSettingsResponse }) settings!: MatchmakingSettingsResponse;
  @ApiProperty({ type: [MatrixCellResponse] }) cells!: MatrixCellResponse[];
  @ApiProperty({ type: [Number], description: 'accepted meetings without a table and slot (ids)' }) unplaced!: number[];
  @ApiProperty({ type: [Number], description: 'meetings where a side recorded a no-show (ids)' }) noShows!: number[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: "accepted meetings by recorded result of each side ('none' = not yet recorded)",
  })
  results!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'meetings by status' })
  requests!: Record<string, number>;
  @ApiProperty({ type: 'integer', minimum: 0 }) intents!: number;
}

export class MatchContactResponse {
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class MatchProfileResponse {
  @ApiProperty({ type: 'integer' }) registrationId!: number;
  @ApiProperty({ enum: MATCH_SIDES }) side!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) organization!: string | null;
  @ApiProperty() published!: boolean;
  @ApiProperty() acceptsSuggested!: boolean;
  @ApiProperty({ type: String, nullable: true }) headline!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiPropertyOptional({ description: 'enterprise: 技术需求' }) technicalNeeds?: string;
  @ApiPropertyOptional({ description: 'enterprise: 岗位需求' }) positionNeeds?: string;
  @ApiPropertyOptional({ type: [String], description: 'enterprise: 合作方式' }) cooperationModes?: string[];
  @ApiPropertyOptional({ description: 'phd / institution: 研究专长' }) expertise?: string;
  @ApiPropertyOptional({ type: [String], description: 'phd / institution: 科研项目' }) researchProjects?: string[];
  @ApiPropertyOptional({ type: MatchContactResponse, description: 'only once a meeting with the caller is accepted' })
  contact?: MatchContactResponse;
}

export class MatchSuggestionResponse {
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String] }) matchedTags!: string[];
  @ApiProperty({ type: [String] }) matchedKeywords!: string[];
  @ApiProperty({ type: MatchProfileResponse }) profile!: MatchProfileResponse;
  @ApiProperty({ example: '共同标签：新材料、纺织鞋服；共同关键词：碳纤维' }) explanation!: string;
}

export class MatchSuggestionListResponse {
  @ApiProperty({ type: [MatchSuggestionResponse] }) items!: MatchSuggestionResponse[];
}

export class MatchProfileListResponse {
  @ApiProperty({ type: [MatchProfileResponse] }) items!: MatchProfileResponse[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
}

export class MeetingPlacementResponse {
  @ApiProperty({ type: 'integer' }) tableNo!: number;
  @ApiProperty({ type: 'integer' }) slotNo!: number;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class MeetingResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) sessionId!: number;
  @ApiProperty({ enum: MEETING_STATUSES }) status!: string;
  @ApiProperty({ enum: ['outgoing', 'incoming'] }) direction!: string;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ type: MatchProfileResponse, nullable: true }) partner!: MatchProfileResponse | null;
  @ApiProperty({ type: String, enum: MEETING_RESULTS, nullable: true }) myResult!: string | null;
  @ApiProperty({ type: String, enum: MEETING_RESULTS, nullable: true }) partnerResult!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) outcomeId!: number | null;
  @ApiProperty({ type: MeetingPlacementResponse, nullable: true }) placement!: MeetingPlacementResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MeetingListResponse {
  @ApiProperty({ type: [MeetingResponse] }) items!: MeetingResponse[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
}

export class AgendaItemResponse {
  @ApiProperty({ type: 'integer' }) meetingId!: number;
  @ApiProperty({ type: 'integer' }) tableNo!: number;
  @ApiProperty({ type: 'integer' }) slotNo!: number;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty({ type: String, nullable: true }) partnerOrganization!: string | null;
  @ApiProperty({ type: String, nullable: true }) partnerContact!: string | null;
}

export class MatchAgendaResponse {
  @ApiProperty({ type: 'integer' }) sessionId!: number;
  @ApiProperty({ type: 'integer' }) scheduleVersion!: number;
  @ApiProperty({ type: [AgendaItemResponse] }) items!: AgendaItemResponse[];
}
