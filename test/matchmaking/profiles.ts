import { MATCH_TAGS } from '@app/matchmaking';

const KEYWORDS = [
  '碳纤维',
  '工业互联网',
  '锂电池',
  '智能织造',
  '功能性面料',
  '数控机床',
  '芯片封装',
  '冷链',
  '仿真',
  '视觉检测',
];

/** Generated profiles: every enterprise and PhD gets two tags and two keywords, spread over the vocabulary. */
export function enterpriseProfile(i: number) {
  const n = MATCH_TAGS.length;
  return {
    headline: `泉州测试企业${i}寻求技术合作`,
    tags: [...new Set([MATCH_TAGS[i % n], MATCH_TAGS[(i * 7 + 3) % n]])],
    keywords: [KEYWORDS[i % KEYWORDS.length], KEYWORDS[(i + 3) % KEYWORDS.length]],
    technicalNeeds: `第${i}号技术攻关需求`,
    positionNeeds: '研发工程师 2 名',
    cooperationModes: ['技术攻关', '人才引进'],
  };
}

export function phdProfile(j: number) {
  const n = MATCH_TAGS.length;
  return {
    headline: `博士${j}的研究方向`,
    tags: [...new Set([MATCH_TAGS[j % n], MATCH_TAGS[(j * 5 + 1) % n]])],
    keywords: [KEYWORDS[j % KEYWORDS.length]],
    expertise: `专业特长 ${j}`,
    researchProjects: [`国家自然科学基金项目 ${j}`],
  };
}

/** Runs `work` over `items` with at most `width` in flight at once. */
export async function pool<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}
