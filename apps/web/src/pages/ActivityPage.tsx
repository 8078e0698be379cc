import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LinkButton } from '../components/LinkButton';
import { useActivity } from '../api/queries';
import type { Activity } from '../api/types';
import { Loadable } from '../components/Loadable';
import { Panel } from '../components/Panel';
import { Quotas } from '../components/Quotas';
import { SessionFacts } from '../components/SessionFacts';
import { StateTag } from '../components/StateTag';
import { bySessionState, sessionState } from '../lib/format';
import styles from './pages.module.css';

export default function ActivityPage() {
  const id = Number(useParams().id);
  const activity = useActivity(id);
  return <Loadable query={activity}>{(a) => <ActivityView activity={a} />}</Loadable>;
}

function ActivityView({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation();
  const now = Date.now();
  const sessions = [...a.sessions].sort((x, y) => bySessionState(x, y, now));
  return (
    <div className={styles.stack}>
      <h1 className={styles.h1}>{a.title}</h1>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'window', label: t('activity.window'), children: a.window.text },
          { key: 'lead', label: t('activity.lead'), children: a.leadUnits.map((u) => u.name).join('、') || '—' },
          { key: 'hosts', label: t('activity.hosts'), children: a.hostUnits.map((u) => u.name).join('、') || '—' },
        ]}
      />
      <section aria-labelledby="plan">
        <h2 id="plan" className={styles.h2}>
          {t('activity.plan')}
        </h2>
        <p className={styles.content}>{a.content}</p>
        {a.note && <p className={styles.muted}>{a.note}</p>}
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions" className={styles.h2}>
          {t('activity.sessions')}
        </h2>
        {sessions.length === 0 && <Empty description={t('activity.noSessions')} />}
        {sessions.map((s) => {
          const state = sessionState(s, now);
          return (
            <Panel key={s.id} level={3} title={s.title} extra={<StateTag state={state} />}>
              <SessionFacts session={s} />
              <Quotas session={s} />
              <div className={styles.actions} style={{ marginTop: 12 }}>
                <LinkButton
                  to={`/sessions/${s.id}`}
                  type={['open', 'waitlist'].includes(state) ? 'primary' : 'default'}
                  aria-label={`${['open', 'waitlist'].includes(state) ? t('activity.register') : t('activity.details')}：${s.title}`}
                >
                  {['open', 'waitlist'].includes(state) ? t('activity.register') : t('activity.details')}
                </LinkButton>
              </div>
            </Panel>
          );
        })}
      </section>
    </div>
  );
}
