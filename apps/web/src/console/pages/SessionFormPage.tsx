import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorMessage, patch, post } from '../lib/http';
import { activeRegistrants, useSessionView } from '../lib/queries';
import { fromBjLocal, toBjLocal } from '../lib/time';
import type { SessionView } from '../lib/types';
import { Loading } from '../lib/Loading';

const CATEGORIES = ['enterprise', 'phd', 'skilled_talent', 'graduate', 'worker', 'institution', 'startup_team'];
const LEVELS = ['grassroots', 'county', 'city', 'provincial', 'national'];
const MODES = ['offline', 'online', 'hybrid'] as const;

interface FormValues {
  title: string;
  level: string;
  startsAt: string;
  endsAt: string;
  venue?: string;
  city?: string;
  mode: (typeof MODES)[number];
  onlineUrl?: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval: boolean;
  waitlistEnabled: boolean;
  quotas: { category: string; capacity: number }[];
}

const toBody = (v: FormValues) => ({
  title: v.title,
  level: v.level,
  startsAt: fromBjLocal(v.startsAt),
  endsAt: fromBjLocal(v.endsAt),
  ...(v.venue ? { venue: v.venue } : {}),
  ...(v.city ? { city: v.city } : {}),
  mode: v.mode,
  ...(v.onlineUrl ? { onlineUrl: v.onlineUrl } : {}),
  registrationOpensAt: fromBjLocal(v.registrationOpensAt),
  registrationClosesAt: fromBjLocal(v.registrationClosesAt),
  requiresApproval: Boolean(v.requiresApproval),
  waitlistEnabled: Boolean(v.waitlistEnabled),
  quotas: v.quotas,
});

const fromSession = (s: SessionView): FormValues => ({
  title: s.title,
  level: s.level,
  startsAt: toBjLocal(s.startsAt),
  endsAt: toBjLocal(s.endsAt),
  venue: s.venue ?? undefined,
  city: s.city ?? undefined,
  mode: s.mode,
  onlineUrl: s.onlineUrl ?? undefined,
  registrationOpensAt: toBjLocal(s.registrationOpensAt),
  registrationClosesAt: toBjLocal(s.registrationClosesAt),
  requiresApproval: s.requiresApproval,
  waitlistEnabled: s.waitlistEnabled,
  quotas: s.quotas.map((q) => ({ category: q.category, capacity: q.capacity })),
});

/** Whether saving `next` over `before` sends registrants a message (the API's own rule). */
function notifies(before: SessionView, body: ReturnType<typeof toBody>): boolean {
  const t = (iso: string) => Date.parse(iso);
  return (
    t(before.startsAt) !== t(body.startsAt) ||
    t(before.endsAt) !== t(body.endsAt) ||
    (before.venue ?? undefined) !== body.venue ||
    (before.city ?? undefined) !== body.city ||
    before.mode !== body.mode ||
    (before.onlineUrl ?? undefined) !== body.onlineUrl
  );
}

/** Postpone, move online, cancel: each says how many registrants it notifies first. */
function SessionActions({ session, onDone }: { session: SessionView; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [action, setAction] = useState<'postponed' | 'online' | 'cancelled'>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const count = activeRegistrants(session);
  const run = async () => {
    if (!action) return;
    setBusy(true);
    try {
      const body = action === 'online' ? { mode: 'online' } : { status: action };
      await patch(`/api/sessions/${session.id}`, { ...body, ...(reason ? { reason } : {}) });
      message.success(t('console:session.saved'));
      setAction(undefined);
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const closed = session.status === 'cancelled' || session.status === 'completed';
  return (
    <>
      <Space wrap>
        <Button disabled={closed || session.status === 'postponed'} onClick={() => setAction('postponed')}>
          {t('console:session.postpone')}
        </Button>
        <Button disabled={closed || session.mode !== 'offline'} onClick={() => setAction('online')}>
          {t('console:session.moveOnline')}
        </Button>
        <Button danger disabled={closed} onClick={() => setAction('cancelled')}>
          {t('console:session.cancel')}
        </Button>
      </Space>
      <Modal
        open={action !== undefined}
        title={
          action === 'cancelled'
            ? t('console:session.cancel')
            : action === 'online'
              ? t('console:session.moveOnline')
              : t('console:session.postpone')
        }
        onCancel={() => setAction(undefined)}
        onOk={run}
        confirmLoading={busy}
        okText={t('console:common.ok')}
        cancelText={t('console:common.cancel')}
        okButtonProps={{ danger: action === 'cancelled' }}
      >
        <Typography.Paragraph strong>
          {action === 'cancelled'
            ? t('console:session.cancelConfirm', { count })
            : t('console:session.notify', { count })}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('console:session.reason')}
          placeholder={t('console:session.reason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

/** Create (under an activity) or edit a session: quotas, window, approval, waitlist, mode, venue. */
export default function SessionFormPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const params = useParams();
  const sessionId = params.sessionId ? Number(params.sessionId) : undefined;
  const activityId = params.activityId ? Number(params.activityId) : undefined;
  const existing = useSessionView(sessionId);
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const mode = Form.useWatch('mode', form);

  if (sessionId !== undefined && existing.isPending) return <Loading />;
  const session = existing.data;

  const save = async (values: FormValues) => {
    const body = toBody(values);
    if (session) {
      // a time shown to the minute and left alone keeps its exact value (no phantom reschedule)
      for (const key of ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const) {
        if (values[key] === toBjLocal(session[key])) body[key] = session[key];
      }
    }
    const send = async () => {
      setBusy(true);
      try {
        const saved = session
          ? await patch<SessionView>(`/api/sessions/${session.id}`, body)
          : await post<SessionView>(`/api/activities/${activityId}/sessions`, body);
        message.success(t('console:session.saved'));
        await client.invalidateQueries({ queryKey: ['console'] });
        navigate(`/console/sessions/${saved.id}/registrations`);
      } catch (e) {
        message.error(errorMessage(e));
      } finally {
        setBusy(false);
      }
    };
    const count = session ? activeRegistrants(session) : 0;
    if (session && count > 0 && notifies(session, body)) {
      modal.confirm({
        title: t('console:session.notify', { count }),
        okText: t('console:session.save'),
        cancelText: t('console:common.cancel'),
        onOk: send,
      });
    } else await send();
  };

  const defaults: Partial<FormValues> = session
    ? fromSession(session)
    : {
        level: 'city',
        mode: 'offline',
        requiresApproval: false,
        waitlistEnabled: true,
        quotas: [{ category: 'enterprise', capacity: 100 }],
      };

  return (
    <Card
      title={
        <h1 style={{ fontSize: 20, margin: 0 }}>
          {session ? t('console:session.editTitle') : t('console:session.newTitle')}
        </h1>
      }
    >
      {session && (
        <div style={{ marginBottom: 16 }}>
          <SessionActions session={session} onDone={() => void existing.refetch()} />
        </div>
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={defaults}
        onFinish={save}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="title" label={t('console:session.title')} rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="level" label={t('console:session.level')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={LEVELS.map((l) => ({ value: l, label: t(`console:level.${l}`) }))}
            />
          </Form.Item>
          <Form.Item name="mode" label={t('console:session.mode')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={MODES.map((m) => ({ value: m, label: t(`console:mode.${m}`) }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="startsAt" label={t('console:session.startsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('console:session.endsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="registrationOpensAt" label={t('console:session.opensAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="registrationClosesAt" label={t('console:session.closesAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="venue" label={t('console:session.venue')} rules={[{ max: 300 }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="city" label={t('console:session.city')} rules={[{ max: 50 }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
        </Space>
        {mode && mode !== 'offline' && (
          <Form.Item name="onlineUrl" label={t('console:session.onlineUrl')} rules={[{ type: 'url' }]}>
            <Input type="url" />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="requiresApproval" valuePropName="checked">
            <Checkbox>{t('console:session.requiresApproval')}</Checkbox>
          </Form.Item>
          <Form.Item name="waitlistEnabled" valuePropName="checked">
            <Checkbox>{t('console:session.waitlistEnabled')}</Checkbox>
          </Form.Item>
        </Space>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('console:session.quotas')}
        </Typography.Title>
        <Form.List name="quotas">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'category']} rules={[{ required: true }]}>
                    <Select
                      aria-label={t('console:roster.category')}
                      style={{ width: 160 }}
                      options={CATEGORIES.map((c) => ({ value: c, label: t(`console:category.${c}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'capacity']} rules={[{ required: true }]}>
                    <InputNumber
                      aria-label={t('console:session.capacity')}
                      min={0}
                      max={100000}
                      placeholder={t('console:session.capacity')}
                    />
                  </Form.Item>
                  {!session && (
                    <Button type="link" onClick={() => remove(f.name)}>
                      ✕
                    </Button>
                  )}
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add({ category: 'phd', capacity: 50 })}>{t('console:session.addQuota')}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('console:session.save')}
        </Button>
      </Form>
    </Card>
  );
}
