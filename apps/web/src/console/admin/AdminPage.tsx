import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, get, post } from '../lib/http';
import { bjTime } from '../lib/time';
import type { Page } from '../lib/types';
import styles from '../console.module.css';
import { UsersTab } from './UsersTab';

interface NotificationRow {
  id: number;
  recipient: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

function NotificationsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<string | undefined>('failed');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const rows = useQuery({
    queryKey: ['console', 'notifications', status, page],
    queryFn: () => get<Page<NotificationRow>>('/api/notifications', { status, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className={styles.toolbar}>
        <Select
          allowClear
          aria-label={t('console:roster.status')}
          style={{ width: 140 }}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={['pending', 'queued', 'sent', 'failed', 'cancelled'].map((s) => ({ value: s, label: s }))}
        />
      </div>
      <Table<NotificationRow>
        size="small"
        rowKey="id"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: rows.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('console:admin.recipient'), dataIndex: 'recipient' },
          { title: t('console:admin.type'), dataIndex: 'type' },
          { title: t('console:roster.status'), dataIndex: 'status' },
          { title: t('console:admin.attempts'), dataIndex: 'attempts' },
          { title: t('console:admin.lastError'), render: (_, n) => n.lastError ?? '' },
          {
            title: t('console:roster.actions'),
            render: (_, n) =>
              n.status === 'failed' ? (
                <Button
                  size="small"
                  onClick={async () => {
                    try {
                      await post(`/api/notifications/${n.id}/retry`);
                      void client.invalidateQueries({ queryKey: ['console', 'notifications'] });
                    } catch (e) {
                      message.error(errorMessage(e));
                    }
                  }}
                >
                  {t('console:admin.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

interface AuditRow {
  id: number;
  actor: { id: number; email: string };
  action: string;
  entity: string;
  entityId: string | null;
  at: string;
}

function AuditTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<{ action?: string; entity?: string; from?: string; to?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const rows = useQuery({
    queryKey: ['console', 'audit', filters, page],
    queryFn: () =>
      get<Page<AuditRow>>('/api/audit', {
        ...filters,
        from: filters.from ? new Date(`${filters.from}T00:00:00+08:00`).toISOString() : undefined,
        to: filters.to ? new Date(`${filters.to}T23:59:59.999+08:00`).toISOString() : undefined,
        ...page,
      }),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  return (
    <>
      <div className={styles.toolbar}>
        <Input.Search
          allowClear
          aria-label={t('console:admin.action')}
          placeholder={t('console:admin.action')}
          style={{ width: 200 }}
          onSearch={(v) => set({ action: v || undefined })}
        />
        <Input.Search
          allowClear
          aria-label={t('console:admin.entity')}
          placeholder={t('console:admin.entity')}
          style={{ width: 160 }}
          onSearch={(v) => set({ entity: v || undefined })}
        />
        <Input
          type="date"
          aria-label="from"
          style={{ width: 160 }}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
        <Input
          type="date"
          aria-label="to"
          style={{ width: 160 }}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </div>
      <Table<AuditRow>
        size="small"
        rowKey="id"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: rows.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('console:admin.at'), render: (_, r) => bjTime(r.at, true) },
          { title: t('console:admin.actor'), render: (_, r) => r.actor.email },
          { title: t('console:admin.action'), dataIndex: 'action' },
          { title: t('console:admin.entity'), render: (_, r) => `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}` },
        ]}
      />
    </>
  );
}

/** 系统管理: users, failed notifications with retry, the audit log, the queue dashboard. */
export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('console:admin.title')}</h1>}
      extra={
        <a href="/api/admin/queues" target="_blank" rel="noreferrer">
          {t('console:admin.queue')}
        </a>
      }
    >
      <Tabs
        items={[
          { key: 'users', label: t('console:admin.users'), children: <UsersTab /> },
          { key: 'notifications', label: t('console:admin.notifications'), children: <NotificationsTab /> },
          { key: 'audit', label: t('console:admin.audit'), children: <AuditTab /> },
        ]}
      />
    </Card>
  );
}
