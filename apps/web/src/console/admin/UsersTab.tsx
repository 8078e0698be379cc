import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, get, patch, post } from '../lib/http';
import type { Role } from '../lib/roles';
import type { Page, UnitRef } from '../lib/types';

interface UserView {
  id: number;
  email: string;
  role: Role;
  unitIds: number[];
  sessionIds: number[];
  disabled: boolean;
}

/** Staff accounts: create organizers and check-in staff with their units, disable, reset password. */
export function UsersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserView>();
  const [form] = Form.useForm();
  const [resetForm] = Form.useForm();
  const users = useQuery({
    queryKey: ['console', 'users', page],
    queryFn: () => get<Page<UserView>>('/api/users', page),
    placeholderData: keepPreviousData,
  });
  const units = useQuery({ queryKey: ['console', 'units'], queryFn: () => get<UnitRef[]>('/api/units') });
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const refresh = () => client.invalidateQueries({ queryKey: ['console', 'users'] });

  const create = async (v: { email: string; password: string; role: Role; unitIds?: number[] }) => {
    try {
      await post('/api/users', { ...v, unitIds: v.unitIds ?? [] });
      message.success(t('console:admin.created'));
      setCreating(false);
      form.resetFields();
      void refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const update = async (u: UserView, body: object) => {
    try {
      await patch(`/api/users/${u.id}`, body);
      message.success(t('console:session.saved'));
      void refresh();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        {t('console:admin.newUser')}
      </Button>
      <Table<UserView>
        size="small"
        rowKey="id"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: users.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('console:admin.email'), dataIndex: 'email' },
          { title: t('console:admin.role'), render: (_, u) => t(`console:role.${u.role}`) },
          {
            title: t('console:admin.units'),
            render: (_, u) => u.unitIds.map((id) => unitName.get(id) ?? id).join('、'),
          },
          {
            title: t('console:roster.status'),
            render: (_, u) => (u.disabled ? <Tag color="red">{t('console:admin.disabled')}</Tag> : null),
          },
          {
            title: t('console:roster.actions'),
            render: (_, u) => (
              <Space size="small">
                <Button size="small" onClick={() => update(u, { disabled: !u.disabled })}>
                  {u.disabled ? t('console:admin.enable') : t('console:admin.disable')}
                </Button>
                <Button size="small" onClick={() => setResetting(u)}>
                  {t('console:admin.resetPassword')}
                </Button>
                <Button
                  size="small"
                  onClick={async () => {
                    try {
                      await post(`/api/users/${u.id}/unlock`);
                      message.success(t('console:admin.unlocked'));
                    } catch (e) {
                      message.error(errorMessage(e));
                    }
                  }}
                >
                  {t('console:admin.unlock')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('console:admin.newUser')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('console:common.ok')}
        cancelText={t('console:common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ role: 'organizer' }}>
          <Form.Item name="email" label={t('console:admin.email')} rules={[{ required: true, type: 'email' }]}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('console:admin.password')} rules={[{ required: true, min: 12 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('console:admin.role')} rules={[{ required: true }]}>
            <Select
              options={(['organizer', 'checkin_staff', 'admin'] as const).map((r) => ({
                value: r,
                label: t(`console:role.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="unitIds" label={t('console:admin.units')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== undefined}
        title={`${t('console:admin.resetPassword')} · ${resetting?.email ?? ''}`}
        onCancel={() => setResetting(undefined)}
        onOk={() => resetForm.submit()}
        okText={t('console:common.ok')}
        cancelText={t('console:common.cancel')}
      >
        <Form
          form={resetForm}
          layout="vertical"
          onFinish={async (v: { password: string }) => {
            if (resetting && (await update(resetting, { password: v.password }))) {
              setResetting(undefined);
              resetForm.resetFields();
            }
          }}
        >
          <Form.Item name="password" label={t('console:admin.newPassword')} rules={[{ required: true, min: 12 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
