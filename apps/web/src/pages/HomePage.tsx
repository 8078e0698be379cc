import { Collapse, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePrograms, useProgramsInFull, useUpcomingSessions } from '../api/queries';
import type { ActivitySummary, Program, Session } from '../api/types';
import { Loadable } from '../components/Loadable';
import { Panel } from '../components/Panel';
import { StateTag } from '../components/StateTag';
import { beijingTime, bySessionState, sessionState } from '../lib/format';
import styles from './pages.module.css';

export default function HomePage() {
  const { t } = useTranslation();
  const programs = usePrograms();
  return (
    <>
      <h1 className={styles.h1}>{t('home.title')}</h1>
      <Loadable query={programs}>{(list) => <Programs codes={list.map((p) => p.code)} />}</Loadable>
    </>
  );
}

function Programs({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const results = useProgramsInFull(codes);
  const programs = results.map((r) => r.data).filter((p): p is Program => p !== undefined);
  const activities = programs.flatMap((p) => p.series.flatMap((s) => s.activities));
  const sessions = useUpcomingSessions().data ?? [];
  const activityById = useMemo(() => new Map(activities.map((a) => [a.id, a])), [activities]);
  const now = Date.now();
  const upcoming = sessions
    .filter((s) => !['ended', 'cancelled'].includes(sessionState(s, now)))
    .sort((a, b) => bySessionState(a, b, now));

  return (
    <div className={styles.stack}>
      <section aria-labelledby="open-now">
        <h2 id="open-now" className={styles.h2}>
          {t('home.openNow')}
        </h2>
        {upcoming.length === 0 ? (
          <Empty description={t('home.noOpen')} />
        ) : (
          <ul className={styles.list}>
            {upcoming.map((s) => (
              <OpenSession key={s.id} session={s} activity={activityById.get(s.activityId)} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="programs">
        <h2 id="programs" className={styles.h2}>
          {t('home.programs')}
        </h2>
        {programs.map((p) => (
          <ProgramCard key={p.code} program={p} sessions={sessions} />
        ))}
      </section>
    </div>
  );
}

function OpenSession({ session, activity }: { session: Session; activity?: ActivitySummary }) {
  const { i18n } = useTranslation();
  return (
    <li>
      <Link to={`/sessions/${session.id}`} className={styles.rowLink}>
        <span className={styles.rowTitle}>
          <StateTag state={sessionState(session)} />
          {session.title}
        </span>
        <span className={styles.rowMeta}>
          {activity ? `${activity.shortTitle ?? activity.title} · ` : ''}
          {beijingTime(session.startsAt, i18n.language)}
          {session.city ? ` · ${session.city}` : ''}
        </span>
      </Link>
    </li>
  );
}

function ProgramCard({ program, sessions }: { program: Program; sessions: Session[] }) {
  const { t } = useTranslation();
  const states = (a: ActivitySummary) => sessions.filter((s) => s.activityId === a.id).map((s) => sessionState(s));
  return (
    <Panel title={program.title} level={3}>
      <p className={styles.muted}>
        {program.documentNumber ? `${program.documentNumber} · ` : ''}
        {program.period.text} · {t('home.activities', { count: program.activityCount })}
      </p>
      <Collapse
        size="small"
        defaultActiveKey={program.series.map((s) => String(s.id))}
        items={program.series.map((s) => ({
          key: String(s.id),
          label: `${s.label} ${s.title}`,
          children: (
            <ul className={styles.list}>
              {s.activities.map((a) => {
                const st = states(a);
                const best = (['open', 'soon', 'waitlist', 'full'] as const).find((x) => st.includes(x));
                return (
                  <li key={a.id}>
                    <Link to={`/activities/${a.id}`} className={styles.rowLink}>
                      <span className={styles.rowTitle}>
                        {best && <StateTag state={best} />}
                        {a.label} {a.shortTitle ?? a.title}
                      </span>
                      <span className={styles.rowMeta}>
                        {a.window.text}
                        {a.leadUnits.length ? ` · ${a.leadUnits.map((u) => u.name).join('、')}` : ''}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          ),
        }))}
      />
    </Panel>
  );
}
