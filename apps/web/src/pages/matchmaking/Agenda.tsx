import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { beijingRange } from '../../lib/format';
import { NS } from './messages';
import type { AgendaItem } from './types';
import styles from './matchmaking.module.css';

/** The own schedule: placed meetings in slot order, table, partner and contact (accepted, so visible). */
export function Agenda({ items }: { items: AgendaItem[] }) {
  const { t, i18n } = useTranslation(NS);
  if (!items.length) return <Empty description={t('agenda.empty')} />;
  return (
    <table className={styles.table} data-testid="agenda">
      <caption>{t('agenda.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('agenda.time')}</th>
          <th scope="col">{t('agenda.table')}</th>
          <th scope="col">{t('agenda.partner')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.meetingId}>
            <td>{beijingRange(a.startsAt, a.endsAt, i18n.language)}</td>
            <td>{t('agenda.tableNo', { n: a.tableNo })}</td>
            <td>
              <strong>{a.partnerName}</strong>
              {a.partnerOrganization && <div className={styles.muted}>{a.partnerOrganization}</div>}
              {a.partnerContact && <div>{a.partnerContact}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
