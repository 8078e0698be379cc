import { Card, Collapse, Empty, List, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActivitiesSessions, usePrograms, useProgramsInFull } from '../api/queries';
import type { ActivitySummary, Program, Session } from '../api/types';
import { Loadable } from '../components/Loadable';
import { StateTag } from '../components/StateTag';
import { beijingTime, bySessionState, sessionState } from '../lib/format';
import styles from './pages.module.css';

export default function HomePage() {
  const { t } = useTranslation();
  const programs = usePrograms();
  return (
    <>
      <Typography.Title level={1} className={styles.h1}>
        {t('home.title')}
      </Typography.Title>
      <Loadable query={programs}>{(list) => <Programs codes={list.map((p) => p.code)} />}</Loadable>
    </>
  );
}

function Programs({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const results = useProgramsInFull(codes);
  const programs = results.map((r) => r.data).filter((p): p is Program => p !== undefined);
  const activities = programs.flatMap((p) => p.series.flatMap((s) => s.activities));
  const sessionResults = useActivitiesSessions(activities.map((a) => a.id));
  const sessions = sessionResults.flatMap((r) => r.data ?? []);
  const activityById = useMemo(() => new Map(activities.map((a) => [a.id, a])), [activities]);
  const now = Date.now();
  const upcoming = sessions
    .filter((s) => !['ended', 'cancelled'].includes(sessionState(s, now)))
    .sort((a, b) => bySessionState(a, b, now));

  return (
    <Space orientation="vertical" size="middle" className={styles.full}>
      <section aria-labelledby="open-now">
        <Typography.Title level={2} id="open-now" className={styles.h2}>
          {t('home.openNow')}
        </Typography.Title>
        {upcoming.length === 0 ? (
          <Empty description={t('home.noOpen')} />
        ) : (
          <List
            dataSource={upcoming}
            renderItem={(s) => <OpenSession key={s.id} session={s} activity={activityById.get(s.activityId)} />}
          />
        )}
      </section>
      <section aria-labelledby="programs">
        <Typography.Title level={2} id="programs" className={styles.h2}>
          {t('home.programs')}
        </Typography.Title>
        {programs.map((p) => (
          <ProgramCard key={p.code} program={p} sessions={sessions} />
        ))}
      </section>
    </Space>
  );
}

function OpenSession({ session, activity }: { session: Session; activity?: ActivitySummary }) {
  const { i18n } = useTranslation();
  return (
    <List.Item>
      <Link to={`/sessions/${session.id}`} className={styles.rowLink}>
        <span className={styles.rowTitle}>
          <StateTag state={sessionState(session)} />
          {session.title}
        </span>
        <Typography.Text type="secondary" className={styles.rowMeta}>
          {activity ? `${activity.shortTitle ?? activity.title} · ` : ''}
          {beijingTime(session.startsAt, i18n.language)}
          {session.city ? ` · ${session.city}` : ''}
        </Typography.Text>
      </Link>
    </List.Item>
  );
}

function ProgramCard({ program, sessions }: { program: Program; sessions: Session[] }) {
  const { t } = useTranslation();
  const states = (a: ActivitySummary) => sessions.filter((s) => s.activityId === a.id).map((s) => sessionState(s));
  return (
    <Card className={styles.card} title={<h3 className={styles.cardTitle}>{program.title}</h3>} size="small">
      <Typography.Paragraph type="secondary">
        {program.documentNumber ? `${program.documentNumber} · ` : ''}
        {program.period.text} · {t('home.activities', { count: program.activityCount })}
      </Typography.Paragraph>
      <Collapse
        size="small"
        defaultActiveKey={program.series.map((s) => String(s.id))}
        items={program.series.map((s) => ({
          key: String(s.id),
          label: `${s.label} ${s.title}`,
          children: (
            <List
              size="small"
              dataSource={s.activities}
              renderItem={(a) => {
                const st = states(a);
                const best = (['open', 'soon', 'waitlist', 'full'] as const).find((x) => st.includes(x));
                return (
                  <List.Item>
                    <Link to={`/activities/${a.id}`} className={styles.rowLink}>
                      <span className={styles.rowTitle}>
                        {best && <StateTag state={best} />}
                        {a.label} {a.shortTitle ?? a.title}
                      </span>
                      <Typography.Text type="secondary" className={styles.rowMeta}>
                        {a.window.text}
                        {a.leadUnits.length ? ` · ${a.leadUnits.map((u) => u.name).join('、')}` : ''}
                      </Typography.Text>
                    </Link>
                  </List.Item>
                );
              }}
            />
          ),
        }))}
      />
    </Card>
  );
}
