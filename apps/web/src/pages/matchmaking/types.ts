import type { components } from '../../api/schema';

/** The matchmaking views of the API, named from the generated schemas. */
export type ProfileBody = components['schemas']['MatchProfileDto'];
export type MeetingResult = components['schemas']['MeetingResultDto']['result'];

export type MatchTag = ProfileBody['tags'][number];
export type CooperationMode = NonNullable<ProfileBody['cooperationModes']>[number];

type Schemas = components['schemas'];

export type Vocabulary = Schemas['MatchVocabularyResponse'];
export type Contact = Schemas['MatchContactResponse'];
export type MatchProfile = Schemas['MatchProfileResponse'];
export type Suggestion = Schemas['MatchSuggestionResponse'];
export type Meeting = Schemas['MeetingResponse'];
export type MeetingStatus = Meeting['status'];
export type AgendaItem = Schemas['AgendaItemResponse'];
export type MatchSettings = Schemas['MatchmakingSettingsResponse'];
