import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { download, errorMessage, get, post } from '../lib/http';
import { useSessionView } from '../lib/queries';
import { bjTime } from '../lib/time';
import type { Page, RosterItem } from '../lib/types';
import styles from '../console.module.css';

const STATUSES = ['confirmed', 'pending_approval', 'waitlisted', 'cancelled', 'rejected'];
// solid tags with white text: every pair passes 4.5:1
const STATUS_COLOR: Record<string, string> = {
  confirmed: '#237804',
  pending_approval: '#8a4b00',
  waitlisted: '#0b4fb3',
  cancelled: '#595959',
  rejected: '#a8071a',
};

interface Filters {
  status?: string;
  category?: string;
  checkedIn?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** Walk-in registration at the door: registered and, once confirmed, checked in. */
function WalkIn({ sessionId, categories, onDone }: { sessionId: number; categories: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const category = Form.useWatch('category', form) as string | undefined;
  const submit = async (v: Record<string, string>) => {
    const profile =
      v.category === 'enterprise'
        ? { uscc: v.uscc, contactName: v.contactName }
        : v.category === 'phd'
          ? { institution: v.institution, field: v.field }
          : { employer: v.institution };
    try {
      await post(`/api/sessions/${sessionId}/walk-ins`, {
        category: v.category,
        name: v.name,
        email: v.email,
        ...(v.phone ? { phone: v.phone } : {}),
        profile,
      });
      message.success(t('console:desk.ok'));
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('console:roster.walkIn')}</Button>
      <Modal
        open={open}
        title={t('console:roster.walkIn')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('console:common.ok')}
        cancelText={t('console:common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: categories[0] }}>
          <Form.Item name="category" label={t('console:roster.category')} rules={[{ required: true }]}>
            <Select options={categories.map((c) => ({ value: c, label: t(`console:category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('console:roster.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('console:roster.email')} rules={[{ required: true, type: 'email' }]}>
            <Input type="email" />
          </Form.Item>
          <Form.Item name="phone" label={t('console:roster.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
          {category === 'enterprise' ? (
            <>
              <Form.Item name="uscc" label={t('console:roster.profileUscc')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="contactName" label={t('console:roster.contactName')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="institution" label={t('console:roster.institution')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              {category === 'phd' && (
                <Form.Item name="field" label={t('console:roster.field')} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              )}
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** 报名管理: a session's registrations, server-side paged, with approval, walk-in and the 签到表. */
export default function RegistrationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const sessionId = Number(useParams().sessionId);
  const session = useSessionView(sessionId);
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<number[]>([]);
  const [rejecting, setRejecting] = useState<number[]>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const roster = useQuery({
    queryKey: ['console', 'roster', sessionId, filters],
    queryFn: () => get<Page<RosterItem>>(`/api/sessions/${sessionId}/roster`, { ...filters }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    setSelected([]);
    void client.invalidateQueries({ queryKey: ['console', 'roster', sessionId] });
    void client.invalidateQueries({ queryKey: ['console', 'session', sessionId] });
  };

  /** Approve or reject many: one request each through the audited single routes. */
  const decide = async (ids: number[], action: 'approve' | 'reject', why?: string) => {
    setBusy(true);
    const results = await Promise.allSettled(
      ids.map((id) => post(`/api/registrations/${id}/${action}`, action === 'reject' && why ? { reason: why } : {})),
    );
    setBusy(false);
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    if (failed.length === 0) message.success(t('console:roster.done', { ok: ids.length, failed: 0 }));
    else
      message.error(
        `${t('console:roster.done', { ok: ids.length - failed.length, failed: failed.length })}：${errorMessage(failed[0]!.reason)}`,
      );
    refresh();
  };

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const categories = session.data?.quotas.map((q) => q.category) ?? [];
  const pendingSelected = selected.filter((id) => roster.data?.items.find((r) => r.id === id)?.status !== 'confirmed');

  return (
    <Card
      title={
        <h1 style={{ fontSize: 20, margin: 0 }}>
          {t('console:roster.title')}
          {session.data && <Typography.Text type="secondary"> · {session.data.title}</Typography.Text>}
        </h1>
      }
    >
      <div className={styles.toolbar}>
        <Input.Search
          allowClear
          aria-label={t('console:roster.search')}
          placeholder={t('console:roster.search')}
          style={{ width: 360, maxWidth: '100%' }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          aria-label={t('console:roster.status')}
          placeholder={t('console:roster.status')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`console:status.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('console:roster.category')}
          placeholder={t('console:roster.category')}
          style={{ width: 140 }}
          value={filters.category}
          onChange={(category) => set({ category })}
          options={categories.map((c) => ({ value: c, label: t(`console:category.${c}`) }))}
        />
        <Select
          allowClear
          aria-label={t('console:roster.checkedIn')}
          placeholder={t('console:roster.checkedIn')}
          style={{ width: 130 }}
          value={filters.checkedIn}
          onChange={(checkedIn) => set({ checkedIn })}
          options={[
            { value: 'true', label: t('console:roster.checkedInYes') },
            { value: 'false', label: t('console:roster.checkedInNo') },
          ]}
        />
      </div>
      <div className={styles.toolbar}>
        <Button
          type="primary"
          disabled={pendingSelected.length === 0}
          loading={busy}
          onClick={() => decide(pendingSelected, 'approve')}
        >
          {t('console:roster.approveSelected', { count: pendingSelected.length })}
        </Button>
        <Button danger disabled={pendingSelected.length === 0} onClick={() => setRejecting(pendingSelected)}>
          {t('console:roster.rejectSelected', { count: pendingSelected.length })}
        </Button>
        <WalkIn sessionId={sessionId} categories={categories} onDone={refresh} />
        <Button
          onClick={() =>
            download(`/api/sessions/${sessionId}/registrations.xlsx`, `签到表-${sessionId}.xlsx`).catch((e) =>
              message.error(errorMessage(e)),
            )
          }
        >
          {t('console:roster.download')}
        </Button>
      </div>
      <Table<RosterItem>
        rowKey="id"
        size="small"
        loading={roster.isFetching}
        dataSource={roster.data?.items ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: roster.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('console:roster.total', { total }),
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        columns={[
          { title: t('console:roster.category'), render: (_, r) => t(`console:category.${r.category}`) },
          { title: t('console:roster.name'), dataIndex: 'name' },
          { title: t('console:roster.unitName'), render: (_, r) => r.unitName ?? '' },
          { title: t('console:roster.uscc'), render: (_, r) => r.uscc ?? '' },
          { title: t('console:roster.phone'), render: (_, r) => r.phone ?? '' },
          {
            title: t('console:roster.status'),
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]}>
                {t(`console:status.${r.status}`)}
                {r.waitlistPosition ? ` #${r.waitlistPosition}` : ''}
              </Tag>
            ),
          },
          { title: t('console:roster.checkedInAt'), render: (_, r) => bjTime(r.checkedInAt) },
          {
            title: t('console:roster.actions'),
            render: (_, r) =>
              r.status === 'pending_approval' || r.status === 'waitlisted' ? (
                <Space size="small">
                  {r.status === 'pending_approval' && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => decide([r.id], 'approve')}
                      aria-label={`${t('console:roster.approve')} ${r.name}`}
                    >
                      {t('console:roster.approve')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => setRejecting([r.id])}
                    aria-label={`${t('console:roster.reject')} ${r.name}`}
                  >
                    {t('console:roster.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={rejecting !== undefined}
        title={t('console:roster.reject')}
        okButtonProps={{ danger: true }}
        okText={t('console:roster.reject')}
        cancelText={t('console:common.cancel')}
        confirmLoading={busy}
        onCancel={() => setRejecting(undefined)}
        onOk={async () => {
          await decide(rejecting ?? [], 'reject', reason.trim() || undefined);
          setRejecting(undefined);
          setReason('');
        }}
      >
        <Input.TextArea
          aria-label={t('console:roster.rejectReason')}
          placeholder={t('console:roster.rejectReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
