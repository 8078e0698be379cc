import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, List, Space, Table, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { del, errorMessage, post } from '../lib/http';
import { useAttendance, useMyActivities, useSessionView } from '../lib/queries';
import { bjTime } from '../lib/time';
import type { CheckInAnswer } from '../lib/types';
import { CameraScanner } from './CameraScanner';
import styles from './desk.module.css';
import { Loading } from '../lib/Loading';

type Answer = { kind: 'ok' | 'again'; data: CheckInAnswer } | { kind: 'refused'; reason: string };

/** Why the API refused, in the words the door needs. */
function refusal(e: unknown, t: (k: string) => string): string {
  if (e instanceof ApiError) {
    if (e.status === 404) return t('console:desk.unknown');
    if (e.body.code === 'wrong_session') return t('console:desk.otherSession');
    if (e.status === 400) return t('console:desk.unknown');
    return e.body.message;
  }
  return errorMessage(e);
}

function SessionPicker() {
  const { t } = useTranslation();
  const mine = useMyActivities();
  if (mine.isPending) return <Loading />;
  const sessions = (mine.data?.programs ?? []).flatMap((p) =>
    p.series.flatMap((s) =>
      s.activities.flatMap((a) =>
        a.sessions
          .filter((x) => x.status === 'scheduled' || x.status === 'postponed')
          .map((x) => ({ ...x, activity: a.shortTitle ?? a.title })),
      ),
    ),
  );
  sessions.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('console:desk.pickSession')}</h1>}>
      {sessions.length === 0 ? (
        <Empty description={t('console:desk.noSessions')} />
      ) : (
        <List
          dataSource={sessions}
          renderItem={(s) => (
            <List.Item>
              <Link to={`/console/desk/${s.id}`}>
                {s.activity} · {s.title}
              </Link>
              <Typography.Text type="secondary">{bjTime(s.startsAt)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Desk({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const session = useSessionView(sessionId);
  const attendance = useAttendance(sessionId, 10_000);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer>();
  const [last, setLast] = useState<CheckInAnswer>();
  const [camera, setCamera] = useState(false);
  const input = useRef<InputRef>(null);
  const nextButton = useRef<HTMLButtonElement>(null);

  const focusInput = () => window.setTimeout(() => input.current?.focus(), 0);
  const dismiss = () => {
    setAnswer(undefined);
    if (!camera) focusInput();
  };

  useEffect(() => {
    if (!answer) return;
    nextButton.current?.focus();
    // the door keeps moving: a green answer clears itself, the others wait to be read
    if (answer.kind === 'ok') {
      const timer = window.setTimeout(dismiss, 2500);
      return () => window.clearTimeout(timer);
    }
    return undefined;
  }, [answer]);

  const submit = async (raw: string) => {
    const value = raw.replace(/[\s-]/g, '').toUpperCase();
    if (!value || busy) return;
    setBusy(true);
    try {
      const data = await post<CheckInAnswer>(`/api/sessions/${sessionId}/check-ins`, { code: value });
      setAnswer({ kind: data.first ? 'ok' : 'again', data });
      if (data.first) setLast(data);
      void client.invalidateQueries({ queryKey: ['console', 'attendance', sessionId] });
    } catch (e) {
      setAnswer({ kind: 'refused', reason: refusal(e, t) });
    } finally {
      setBusy(false);
      setCode('');
    }
  };

  const undo = async () => {
    if (!last) return;
    try {
      await del(`/api/sessions/${sessionId}/check-ins/${last.registrationId}`);
      message.success(t('console:desk.undone', { name: last.name }));
      setLast(undefined);
      void client.invalidateQueries({ queryKey: ['console', 'attendance', sessionId] });
    } catch (e) {
      message.error(errorMessage(e));
    }
    focusInput();
  };

  const categoryLabel = (c: string) => t(`console:category.${c}`);

  return (
    <div className={styles.desk}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('console:desk.title')}
        {session.data && (
          <Typography.Text type="secondary" style={{ fontSize: 16 }}>
            {' '}
            · {session.data.title}
          </Typography.Text>
        )}
      </Typography.Title>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={input}
          autoFocus
          size="large"
          className={styles.codeInput}
          aria-label={t('console:desk.code')}
          placeholder={t('console:desk.codePlaceholder')}
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => void submit(code)}
        />
        <Button size="large" type="primary" loading={busy} onClick={() => void submit(code)}>
          {t('console:desk.submit')}
        </Button>
      </Space.Compact>
      <Space style={{ margin: '12px 0' }} wrap>
        {!camera && <Button onClick={() => setCamera(true)}>{t('console:desk.camera')}</Button>}
        <Button disabled={!last} onClick={undo}>
          {t('console:desk.undo')}
          {last ? `（${last.name}）` : ''}
        </Button>
      </Space>
      {camera && (
        <CameraScanner
          onCode={(c) => void submit(c)}
          onClose={() => {
            setCamera(false);
            focusInput();
          }}
        />
      )}
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('console:desk.counts')}</h2>}
        style={{ marginTop: 12 }}
      >
        <Table
          size="small"
          rowKey="category"
          pagination={false}
          dataSource={attendance.data?.byCategory ?? []}
          columns={[
            { title: t('console:roster.category'), render: (_, r) => categoryLabel(r.category) },
            { title: t('console:desk.checkedIn'), dataIndex: 'checkedIn' },
            { title: t('console:desk.registered'), dataIndex: 'registered' },
          ]}
          summary={() =>
            attendance.data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>∑</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>
                  <span data-testid="desk-total-checked-in">{attendance.data.total.checkedIn}</span>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{attendance.data.total.registered}</Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      {answer && (
        <div
          className={`${styles.answer} ${styles[answer.kind]}`}
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="desk-answer-headline"
          onClick={dismiss}
        >
          <p id="desk-answer-headline" className={styles.headline}>
            {answer.kind === 'ok'
              ? t('console:desk.ok')
              : answer.kind === 'again'
                ? t('console:desk.again')
                : t('console:desk.refused')}
          </p>
          {answer.kind === 'refused' ? (
            <p className={styles.who}>{answer.reason}</p>
          ) : (
            <>
              <p className={styles.who}>{answer.data.name}</p>
              <p className={styles.detail}>
                {categoryLabel(answer.data.category)}
                {answer.data.unitName && answer.data.unitName !== answer.data.name ? ` · ${answer.data.unitName}` : ''}
              </p>
              {answer.kind === 'again' && (
                <p className={styles.detail}>
                  {t('console:desk.firstAt', { time: bjTime(answer.data.checkedInAt, true) })}
                </p>
              )}
            </>
          )}
          <Button ref={nextButton} size="large" className={styles.nextButton} onClick={dismiss}>
            {t('console:desk.next')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** 签到台: pick a session, then scan (camera or wedge scanner) or type codes. */
export default function DeskPage() {
  const id = useParams().sessionId;
  return id ? <Desk key={id} sessionId={Number(id)} /> : <SessionPicker />;
}
