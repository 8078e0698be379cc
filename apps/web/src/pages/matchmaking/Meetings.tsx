import { Alert, Button, Radio, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from './messages';
import { type Answer, useAnswer, useRecordResult } from './queries';
import type { Meeting, MeetingResult, MeetingStatus } from './types';
import styles from './matchmaking.module.css';

const STATUS_COLOR: Record<MeetingStatus, string> = {
  requested: '#0958d9',
  accepted: '#237804',
  declined: '#a8071a',
  withdrawn: '#595959',
};
/** what a participant records after the fair (no_show is for the organizer's matrix too) */
const RESULTS: MeetingResult[] = ['no_deal', 'continue', 'intent', 'no_show'];

/** Incoming and outgoing meeting requests: accept / decline / withdraw, contact once accepted, the result. */
export function Meetings(props: { id: number; token: string; items: Meeting[] }) {
  const { t } = useTranslation(NS);
  const answer = useAnswer(props.id, props.token);
  const record = useRecordResult(props.id, props.token);
  const error = answer.error ?? record.error;
  return (
    <>
      {error && <Alert type="error" showIcon role="alert" title={error.message} style={{ marginBottom: 12 }} />}
      {(['incoming', 'outgoing'] as const).map((direction) => {
        const items = props.items.filter((m) => m.direction === direction);
        return (
          <section key={direction} aria-labelledby={`mm-${direction}`}>
            <h3 id={`mm-${direction}`} className={styles.h3}>
              {t(`meetings.${direction}`)}
            </h3>
            {items.length === 0 ? (
              <p className={styles.muted}>{t('meetings.empty')}</p>
            ) : (
              <ul className={styles.list}>
                {items.map((m) => (
                  <MeetingItem
                    key={m.id}
                    meeting={m}
                    busy={answer.isPending || record.isPending}
                    onAnswer={(a) => answer.mutate({ meetingId: m.id, answer: a })}
                    onResult={(result) => record.mutate({ meetingId: m.id, result })}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function MeetingItem({
  meeting: m,
  busy,
  onAnswer,
  onResult,
}: {
  meeting: Meeting;
  busy: boolean;
  onAnswer: (a: Answer) => void;
  onResult: (r: MeetingResult) => void;
}) {
  const { t } = useTranslation(NS);
  const name = m.partner?.name ?? '—';
  const contact = m.partner?.contact;
  return (
    <li className={styles.item} data-testid="meeting">
      <h4 className={styles.name}>
        {name}{' '}
        <Tag color={STATUS_COLOR[m.status]} variant="solid">
          {t(`meetings.status.${m.status}`)}
        </Tag>
      </h4>
      {m.partner?.organization && <p className={styles.muted}>{m.partner.organization}</p>}
      {m.message && <p>{t('meetings.message', { message: m.message })}</p>}
      {m.status === 'requested' && (
        <div className={styles.actions}>
          {m.direction === 'incoming' ? (
            <>
              <Button
                type="primary"
                disabled={busy}
                aria-label={t('meetings.acceptOf', { name })}
                onClick={() => onAnswer('accept')}
              >
                {t('meetings.accept')}
              </Button>
              <Button
                disabled={busy}
                aria-label={t('meetings.declineOf', { name })}
                onClick={() => onAnswer('decline')}
              >
                {t('meetings.decline')}
              </Button>
            </>
          ) : (
            <Button
              disabled={busy}
              aria-label={t('meetings.withdrawOf', { name })}
              onClick={() => onAnswer('withdraw')}
            >
              {t('meetings.withdraw')}
            </Button>
          )}
        </div>
      )}
      {m.status === 'accepted' && (
        <>
          {contact && (
            // a plain <dl>, not antd's Descriptions: sharing that with the session page would split its chunk
            <div data-testid="partner-contact">
              <p className={styles.contactTitle}>{t('meetings.contact')}</p>
              <dl className={styles.contact}>
                {contact.contactName && (
                  <>
                    <dt>{t('meetings.contactName')}</dt>
                    <dd>{contact.contactName}</dd>
                  </>
                )}
                {contact.phone && (
                  <>
                    <dt>{t('meetings.phone')}</dt>
                    <dd>
                      <a href={`tel:${contact.phone}`}>{contact.phone}</a>
                    </dd>
                  </>
                )}
                <dt>{t('meetings.email')}</dt>
                <dd>
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </dd>
              </dl>
            </div>
          )}
          <fieldset className={styles.fieldset}>
            <legend className={styles.muted}>{t('meetings.resultOf', { name })}</legend>
            <Radio.Group
              value={m.myResult ?? undefined}
              disabled={busy}
              optionType="button"
              onChange={(e) => onResult(e.target.value as MeetingResult)}
              options={RESULTS.map((r) => ({ value: r, label: t(`meetings.results.${r}`) }))}
            />
          </fieldset>
          {m.partnerResult && (
            <p className={styles.muted}>
              {t('meetings.partnerResult', { result: t(`meetings.results.${m.partnerResult}`) })}
            </p>
          )}
          {m.outcomeId !== null && <Alert type="success" showIcon title={t('meetings.intentRecorded')} />}
        </>
      )}
    </li>
  );
}
