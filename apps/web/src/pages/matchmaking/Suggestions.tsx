import { Alert, Button, Empty, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from './messages';
import { useRequestMeeting } from './queries';
import type { Meeting, Suggestion } from './types';
import styles from './matchmaking.module.css';

/** Suggested partners, ranked by the API, with what matched; a meeting request with a message. */
export function Suggestions(props: { id: number; token: string; items: Suggestion[]; meetings: Meeting[] }) {
  const { t } = useTranslation(NS);
  const [to, setTo] = useState<Suggestion | null>(null);
  const [message, setMessage] = useState('');
  const request = useRequestMeeting(props.id, props.token);
  const open = new Map(
    props.meetings
      .filter((m) => m.partner && (m.status === 'requested' || m.status === 'accepted'))
      .map((m) => [m.partner!.registrationId, m.status]),
  );

  if (!props.items.length) return <Empty description={t('suggestions.empty')} />;
  return (
    <>
      {request.isSuccess && <Alert type="success" showIcon role="status" title={t('suggestions.sent')} />}
      <ul className={styles.list} aria-label={t('suggestions.title')}>
        {props.items.map((s) => {
          const p = s.profile;
          const status = open.get(p.registrationId);
          return (
            <li key={p.registrationId} className={styles.item} data-testid="suggestion">
              <h3 className={styles.name}>{p.name}</h3>
              {p.organization && <p className={styles.muted}>{p.organization}</p>}
              {p.headline && <p>{p.headline}</p>}
              {(p.technicalNeeds || p.expertise) && <p className={styles.clamp}>{p.technicalNeeds ?? p.expertise}</p>}
              <p>
                <span className={styles.muted}>{t('suggestions.matched')}：</span>
                {s.matchedTags.length
                  ? s.matchedTags.map((tag) => (
                      <Tag key={tag} color="#0958d9" variant="solid">
                        {tag}
                      </Tag>
                    ))
                  : t('suggestions.none')}
              </p>
              {s.matchedKeywords.length > 0 && (
                <p>
                  <span className={styles.muted}>{t('suggestions.matchedKeywords')}：</span>
                  {s.matchedKeywords.join('、')}
                </p>
              )}
              {status ? (
                <Tag>{t(`meetings.status.${status}`)}</Tag>
              ) : (
                <Button
                  type="primary"
                  aria-label={t('suggestions.requestOf', { name: p.name })}
                  onClick={() => {
                    request.reset();
                    setMessage('');
                    setTo(s);
                  }}
                >
                  {t('suggestions.request')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <Modal
        open={to !== null}
        title={to ? t('suggestions.requestOf', { name: to.profile.name }) : ''}
        okText={t('suggestions.send')}
        cancelText={t('suggestions.cancel')}
        confirmLoading={request.isPending}
        onCancel={() => setTo(null)}
        onOk={() =>
          to &&
          request.mutate(
            { toRegistrationId: to.profile.registrationId, message: message.trim() || undefined },
            { onSuccess: () => setTo(null) },
          )
        }
        destroyOnHidden
      >
        <Form layout="vertical" name="mmRequest">
          <Form.Item label={t('suggestions.message')} htmlFor="mm-request-message">
            <Input.TextArea
              id="mm-request-message"
              rows={4}
              maxLength={1000}
              placeholder={t('suggestions.messageHint')}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          </Form.Item>
        </Form>
        {request.error && <Alert type="error" showIcon role="alert" title={request.error.message} />}
      </Modal>
    </>
  );
}
