import { Alert, Button, Descriptions, Modal, Result, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { useCancelRegistration, useRegistration, useSession } from '../api/queries';
import type { Registration, RegistrationStatus } from '../api/types';
import { Loadable } from '../components/Loadable';
import { Panel } from '../components/Panel';
import { SessionFacts, whereText } from '../components/SessionFacts';
import { downloadIcs } from '../lib/download';
import { sessionIcs } from '../lib/ics';
import { MatchmakingLink } from './matchmaking/MatchmakingLink';
import { CheckInQr } from './registration/CheckInQr';
import styles from './pages.module.css';

/** dark enough for white text (WCAG AA) */
const STATUS_COLOR: Record<RegistrationStatus, string> = {
  confirmed: '#237804',
  pending_approval: '#0958d9',
  waitlisted: '#ad4e00',
  cancelled: '#595959',
  rejected: '#a8071a',
};

/** Confirmation right after registering, and 我的报名 (the manage link of every mail). */
export default function RegistrationPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const registration = useRegistration(id, token);
  if (!token) return <Alert type="error" showIcon title={t('registration.noToken')} />;
  return <Loadable query={registration}>{(r) => <RegistrationView registration={r} token={token} />}</Loadable>;
}

function RegistrationView({ registration: r, token }: { registration: Registration; token: string }) {
  const { t } = useTranslation();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const session = useSession(r.sessionId);
  const cancel = useCancelRegistration(r.id, token);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const manageUrl = `${window.location.origin}/r/${r.id}?token=${encodeURIComponent(token)}`;
  const active = ['confirmed', 'pending_approval', 'waitlisted'].includes(r.status);
  const statusText =
    r.status === 'waitlisted' && r.waitlistPosition !== undefined
      ? t('status.position', { position: r.waitlistPosition })
      : t(`status.${r.status}`);

  return (
    <div className={styles.stack}>
      {created ? (
        <Result
          status={r.status === 'confirmed' ? 'success' : 'info'}
          title={<h1 className={styles.resultTitle}>{t('registration.done')}</h1>}
          subTitle={statusText}
          style={{ padding: '16px 0 0' }}
        />
      ) : (
        <h1 className={styles.h1}>{t('registration.mine')}</h1>
      )}
      <Panel>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'status',
              label: t('registration.status'),
              children: (
                <span data-testid="registration-status">
                  <Tag color={STATUS_COLOR[r.status]} variant="solid">
                    {t(`status.${r.status}`)}
                  </Tag>
                  {r.status === 'waitlisted' && r.waitlistPosition !== undefined && (
                    <strong>{t('status.position', { position: r.waitlistPosition })}</strong>
                  )}
                </span>
              ),
            },
            { key: 'category', label: t('form.category'), children: t(`category.${r.category}`) },
            {
              key: 'name',
              label: t(
                r.category === 'enterprise'
                  ? 'form.companyName'
                  : r.category === 'institution'
                    ? 'form.organization'
                    : 'form.personName',
              ),
              children: r.name,
            },
            ...(r.statusReason ? [{ key: 'reason', label: t('registration.reason'), children: r.statusReason }] : []),
          ]}
        />
      </Panel>
      {r.status === 'confirmed' && r.checkInCode && (
        <Panel title={t('registration.qr')}>
          <CheckInQr code={r.checkInCode} label={`${t('registration.qr')} ${r.checkInCode}`} />
          <span className={styles.code} data-testid="check-in-code">
            {r.checkInCode}
          </span>
          <p className={styles.muted} style={{ textAlign: 'center', marginTop: 8 }}>
            {t('registration.qrHint')}
          </p>
        </Panel>
      )}
      {session.data && (
        <Panel title={session.data.title}>
          <SessionFacts session={session.data} />
          {active && (
            <Button
              onClick={() =>
                downloadIcs(
                  `session-${session.data.id}.ics`,
                  sessionIcs(session.data, session.data.title, whereText(session.data, t), manageUrl),
                )
              }
            >
              {t('registration.calendar')}
            </Button>
          )}
        </Panel>
      )}
      {active && <MatchmakingLink id={r.id} token={token} sessionId={r.sessionId} category={r.category} />}
      <Panel title={t('registration.manageLink')}>
        <p className={styles.muted}>{t('registration.manageHint')}</p>
        <p>
          <a href={manageUrl} data-testid="manage-link" className={styles.breakAll}>
            {manageUrl}
          </a>
        </p>
        <div className={styles.actions}>
          <Button
            onClick={() => {
              void navigator.clipboard?.writeText(manageUrl).then(() => setCopied(true));
            }}
          >
            {copied ? t('registration.copied') : t('registration.copy')}
          </Button>
          {active && (
            <Button danger onClick={() => setConfirming(true)}>
              {t('registration.cancel')}
            </Button>
          )}
        </div>
        {cancel.isSuccess && (
          <Alert type="success" showIcon title={t('registration.cancelled')} role="status" style={{ marginTop: 12 }} />
        )}
        {cancel.error && (
          <Alert type="error" showIcon title={cancel.error.message} role="alert" style={{ marginTop: 12 }} />
        )}
      </Panel>
      <Modal
        open={confirming}
        title={t('registration.cancelConfirm')}
        okText={t('registration.cancelYes')}
        cancelText={t('registration.cancelNo')}
        okButtonProps={{ danger: true, loading: cancel.isPending }}
        onOk={() => cancel.mutateAsync().finally(() => setConfirming(false))}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('registration.cancelText')}</p>
      </Modal>
    </div>
  );
}
