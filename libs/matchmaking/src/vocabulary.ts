/**
 * The one shared tag vocabulary: the fields of 泉州's industry chains. Profiles pick their
 * industry and field tags from here (validated); anything else goes into free keywords.
 */
export const MATCH_TAGS = [
  '纺织鞋服',
  '石油化工',
  '机械装备',
  '建材家居',
  '食品饮料',
  '工艺制品',
  '纸业印刷',
  '半导体',
  '数字经济',
  '新材料',
  '新能源',
  '生物医药',
  '现代物流',
  '电子信息',
  '智能制造',
  '节能环保',
  '海洋经济',
  '人工智能',
] as const;
export type MatchTag = (typeof MATCH_TAGS)[number];

/** 合作方式 an enterprise may offer. */
export const COOPERATION_MODES = ['技术攻关', '项目合作', '人才引进', '成果转化', '共建平台', '兼职顾问'] as const;

/** 未达成 / 继续洽谈 / 达成意向; `no_show`: the partner did not come. */
export const MEETING_RESULTS = ['no_deal', 'continue', 'intent', 'no_show'] as const;
export type MeetingResult = (typeof MEETING_RESULTS)[number];

export const MEETING_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Who meets whom: enterprises meet PhDs and institutions (schools), and the other way round. */
export const MATCH_SIDES = ['enterprise', 'phd', 'institution'] as const;
export type MatchSide = (typeof MATCH_SIDES)[number];
export const partnerSides = (side: string): string[] =>
  side === 'enterprise' ? ['phd', 'institution'] : ['enterprise'];
