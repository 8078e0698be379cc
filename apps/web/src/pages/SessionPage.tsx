import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../api/queries';
import type { Session } from '../api/types';
import { Loadable } from '../components/Loadable';
import { Panel } from '../components/Panel';
import { Quotas } from '../components/Quotas';
import { SessionFacts } from '../components/SessionFacts';
import { StateTag } from '../components/StateTag';
import { sessionState } from '../lib/format';
import { RegistrationForm } from './registration/RegistrationForm';
import styles from './pages.module.css';

export default function SessionPage() {
  const id = Number(useParams().id);
  const session = useSession(id);
  return <Loadable query={session}>{(s) => <SessionView session={s} />}</Loadable>;
}

function SessionView({ session }: { session: Session }) {
  const { t } = useTranslation();
  const state = sessionState(session);
  const canRegister = state === 'open' || state === 'waitlist';
  return (
    <div className={styles.stack}>
      <div>
        <h1 className={styles.h1}>{session.title}</h1>
        <div className={styles.row}>
          <StateTag state={state} />
          {session.requiresApproval && <span className={styles.muted}>{t('session.approval')}</span>}
          <Link to={`/activities/${session.activityId}`}>{t('activity.details')}</Link>
        </div>
      </div>
      <Panel>
        <SessionFacts session={session} withWindow />
        <Quotas session={session} />
      </Panel>
      <Panel title={t('form.title')}>
        {canRegister ? (
          <RegistrationForm session={session} />
        ) : (
          <Alert type="info" showIcon title={t('session.notOpen')} />
        )}
      </Panel>
    </div>
  );
}
