import { useTranslation } from 'react-i18next';
import type { Session } from '../api/types';
import { beijingRange } from '../lib/format';
import styles from './SessionFacts.module.css';

export function whereText(s: Session, t: (k: string) => string): string {
  const place = [s.city, s.venue].filter(Boolean).join(' · ');
  if (s.mode === 'online') return t('session.online');
  if (s.mode === 'hybrid') return `${place}（${t('session.hybrid')}）`;
  return place;
}

/** When and where a session is, in Beijing time. */
export function SessionFacts({ session, withWindow = false }: { session: Session; withWindow?: boolean }) {
  const { t, i18n } = useTranslation();
  const items = [
    ...(['postponed', 'cancelled', 'completed'].includes(session.status)
      ? [{ key: 'status', label: t('session.status'), children: <strong>{t(`session.${session.status}`)}</strong> }]
      : []),
    {
      key: 'when',
      label: t('session.when'),
      children: `${beijingRange(session.startsAt, session.endsAt, i18n.language)}（${t('session.beijing')}）`,
    },
    { key: 'where', label: t('session.where'), children: whereText(session, t) },
    ...(withWindow
      ? [
          {
            key: 'window',
            label: t('session.window'),
            children: beijingRange(session.registrationOpensAt, session.registrationClosesAt, i18n.language),
          },
        ]
      : []),
  ];
  return (
    <dl className={styles.facts}>
      {items.map((item) => (
        <div key={item.key} className={styles.fact}>
          <dt>{item.label}</dt>
          <dd>{item.children}</dd>
        </div>
      ))}
    </dl>
  );
}
