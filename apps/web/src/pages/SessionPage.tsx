import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../api/queries';
import type { Session } from '../api/types';
import { Loadable } from '../components/Loadable';
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
    <Space orientation="vertical" size="middle" className={styles.full}>
      <div>
        <Typography.Title level={1} className={styles.h1}>
          {session.title}
        </Typography.Title>
        <Space wrap>
          <StateTag state={state} />
          {session.requiresApproval && <Typography.Text type="secondary">{t('session.approval')}</Typography.Text>}
          <Link to={`/activities/${session.activityId}`}>{t('activity.details')}</Link>
        </Space>
      </div>
      <Card size="small">
        <SessionFacts session={session} withWindow />
        <Quotas session={session} />
      </Card>
      <Card size="small" title={<h2 className={styles.cardTitle}>{t('form.title')}</h2>}>
        {canRegister ? (
          <RegistrationForm session={session} />
        ) : (
          <Alert type="info" showIcon title={t('session.notOpen')} />
        )}
      </Card>
    </Space>
  );
}
