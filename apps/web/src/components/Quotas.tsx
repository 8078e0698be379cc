import { useTranslation } from 'react-i18next';
import type { Session } from '../api/types';
import { Tag, TagGroup } from './Tag';

/** Places left per category. */
export function Quotas({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <TagGroup label={t('session.places')}>
      {session.quotas.map((q) => (
        <Tag key={q.category}>
          {t(`category.${q.category}`)}：{t('session.left', { count: q.available })}
          {q.waitlisted > 0 ? ` · ${t('session.waitlisted', { count: q.waitlisted })}` : ''}
        </Tag>
      ))}
    </TagGroup>
  );
}
