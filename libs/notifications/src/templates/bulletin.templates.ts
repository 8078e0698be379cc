import type { Locale } from '../notification.types';
import { greeting, signature } from './format';
import { beijing, periodText, unitSection, wholeSection } from './bulletin.text';
import type { BulletinMailFacts } from './bulletin.types';
import type { MailContent } from './template.types';

/**
 * A bulletin mail: the recipient's lead unit's section first, the whole bulletin below; the
 * administrators' mail is the whole. The XLSX goes with it (see render.ts).
 */
export function bulletinMail(f: BulletinMailFacts, l: Locale): MailContent {
  const b = f.bulletin;
  const period = periodText(b.periodLabel, l);
  const subject =
    l === 'en'
      ? `[Bulletin] ${b.program.title}: progress ${b.periodLabel}${f.unit ? ` — ${f.unit.name}` : ''}`
      : `【通报】${b.program.title}目标任务进度（${period}）${f.unit ? `—${f.unit.name}` : ''}`;
  const lead =
    l === 'en'
      ? `This is the progress bulletin of ${b.program.title} for ${b.periodLabel}, as of ${beijing(b.asOf)} (Beijing time).` +
        (f.unit ? ` Your unit's section comes first; the whole bulletin follows.` : '') +
        ' The spreadsheet is attached.'
      : `现将《${b.program.title}》目标任务进度（${period}，截至${beijing(b.asOf)}，北京时间）通报如下` +
        (f.unit ? '，本单位情况在前，全市情况在后' : '') +
        '，进度表见附件。';
  return {
    subject,
    paragraphs: [
      greeting(f.recipientName, l),
      lead,
      ...(f.unit ? unitSection(b, f.unit, l) : []),
      ...wholeSection(b, l, Boolean(f.unit)),
      signature(l),
    ],
  };
}
