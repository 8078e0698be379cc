import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, get, post, upload } from '../lib/http';
import { useMe } from '../lib/me';
import { useMyActivities } from '../lib/queries';
import type { MyActivity, TargetView } from '../lib/types';

const TYPES = [
  'cooperation_intent',
  'apprenticeship_agreement',
  'industry_college',
  'training_base',
  'joint_program',
  'achievement_promoted',
  'startup_project',
  'award',
  'milestone',
];
const TYPE_LABEL: Record<string, string> = {
  cooperation_intent: '合作意向',
  apprenticeship_agreement: '师带徒协议',
  industry_college: '产业学院',
  training_base: '实训基地',
  joint_program: '联合培养',
  achievement_promoted: '成果推广',
  startup_project: '创业项目',
  award: '表彰/奖项',
  milestone: '里程碑',
};

interface Outcome {
  id: number;
  type: string;
  title: string;
  status: string;
  signedOn: string | null;
}
interface ImportAnswer {
  imported: number;
  duplicates?: number;
  errors: { row: number; field: string; reason: string }[];
}

/** The import template: the columns the importer reads, with one example row. */
function downloadTemplate() {
  const csv =
    '\uFEFF师傅姓名,徒弟姓名,企业名称,协议类型,签订日期\r\n张师傅,李徒弟,泉州某机械有限公司,skill_transfer,2021-06-01\r\n';
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = '师带徒协议导入模板.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function OutcomesOf({ activity }: { activity: MyActivity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [result, setResult] = useState<ImportAnswer>();
  const list = useQuery({
    queryKey: ['console', 'outcomes', activity.id],
    queryFn: () => get<{ items: Outcome[] }>(`/api/activities/${activity.id}/outcomes`, { pageSize: 100 }),
  });
  const record = async (v: { type: string; title: string; status: string; signedOn?: string }) => {
    try {
      await post(`/api/activities/${activity.id}/outcomes`, {
        type: v.type,
        title: v.title,
        status: v.status,
        ...(v.signedOn ? { signedOn: v.signedOn } : {}),
      });
      message.success(t('console:session.saved'));
      form.resetFields(['title', 'signedOn']);
      void client.invalidateQueries({ queryKey: ['console', 'outcomes', activity.id] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('console:outcomes.record')}
      </Typography.Title>
      <Form
        form={form}
        layout="inline"
        onFinish={record}
        initialValues={{ type: 'cooperation_intent', status: 'intent' }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="type" label={t('console:outcomes.type')} rules={[{ required: true }]}>
          <Select style={{ width: 160 }} options={TYPES.map((x) => ({ value: x, label: TYPE_LABEL[x] }))} />
        </Form.Item>
        <Form.Item name="title" label={t('console:outcomes.titleField')} rules={[{ required: true, max: 300 }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="status" label={t('console:outcomes.status')}>
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'intent', label: '意向' },
              { value: 'signed', label: '已签约' },
            ]}
          />
        </Form.Item>
        <Form.Item name="signedOn" label={t('console:outcomes.signedOn')}>
          <Input type="date" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('console:outcomes.save')}
        </Button>
      </Form>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('console:outcomes.import')}
      </Typography.Title>
      <Space wrap>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={async (file) => {
            try {
              setResult(await upload<ImportAnswer>(`/api/activities/${activity.id}/outcomes/import`, file));
              void client.invalidateQueries({ queryKey: ['console', 'outcomes', activity.id] });
            } catch (e) {
              message.error(errorMessage(e));
            }
            return false;
          }}
        >
          <Button>{t('console:outcomes.import')}</Button>
        </Upload>
        <Button type="link" onClick={downloadTemplate}>
          {t('console:outcomes.template')}
        </Button>
      </Space>
      {result && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('console:outcomes.imported', { count: result.imported })}</Typography.Text>
          {result.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.field}`}
              pagination={false}
              title={() => t('console:outcomes.errors')}
              dataSource={result.errors}
              columns={[
                { title: t('console:outcomes.row'), dataIndex: 'row' },
                { title: t('console:outcomes.field'), dataIndex: 'field' },
                { title: t('console:outcomes.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </div>
      )}
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('console:outcomes.list')}
      </Typography.Title>
      <Table<Outcome>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('console:outcomes.type'), render: (_, o) => TYPE_LABEL[o.type] ?? o.type },
          { title: t('console:outcomes.titleField'), dataIndex: 'title' },
          { title: t('console:outcomes.status'), dataIndex: 'status' },
          { title: t('console:outcomes.signedOn'), dataIndex: 'signedOn' },
        ]}
      />
    </>
  );
}

/** 进展填报: `reported` targets of the caller's units (admins: all). */
function Reports({ targets, unitIds, admin }: { targets: TargetView[]; unitIds: number[]; admin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = targets.filter(
    (x) => x.source === 'reported' && (admin || x.responsibleUnits.some((u) => unitIds.includes(u.id))),
  );
  const file = async (target: TargetView, v: { unitId: number; periodLabel: string; value: number; note?: string }) => {
    try {
      await post(`/api/targets/${target.id}/reports`, v);
      message.success(t('console:outcomes.reported'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Table<TargetView>
      size="small"
      rowKey="id"
      dataSource={mine}
      pagination={{ pageSize: 10 }}
      columns={[
        { title: t('console:outcomes.target'), render: (_, x) => `${x.label}（${x.target} ${x.unit}）` },
        {
          title: t('console:outcomes.file'),
          render: (_, x) => {
            const units = x.responsibleUnits.filter((u) => admin || unitIds.includes(u.id));
            return (
              <Form
                layout="inline"
                onFinish={(v) => file(x, v)}
                initialValues={{ unitId: units[0]?.id, periodLabel: String(new Date().getFullYear()) }}
              >
                <Form.Item name="unitId" rules={[{ required: true }]}>
                  <Select
                    aria-label={t('console:outcomes.unit')}
                    style={{ width: 130 }}
                    options={units.map((u) => ({ value: u.id, label: u.name }))}
                  />
                </Form.Item>
                <Form.Item name="periodLabel" rules={[{ required: true }]}>
                  <Input aria-label={t('console:outcomes.period')} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name="value" rules={[{ required: true }]}>
                  <InputNumber aria-label={t('console:outcomes.value')} min={0} />
                </Form.Item>
                <Form.Item name="note">
                  <Input aria-label={t('console:outcomes.note')} placeholder={t('console:outcomes.note')} />
                </Form.Item>
                <Button htmlType="submit">{t('console:outcomes.file')}</Button>
              </Form>
            );
          },
        },
      ]}
    />
  );
}

/** 成果 and 进展: record and import outcomes of an activity; file progress reports. */
export default function OutcomesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mine = useMyActivities();
  const activities = useMemo(
    () => (mine.data?.programs ?? []).flatMap((p) => p.series.flatMap((s) => s.activities)),
    [mine.data],
  );
  const programs = mine.data?.programs.map((p) => p.code) ?? [];
  const targets = useQuery({
    queryKey: ['console', 'program-targets', programs],
    queryFn: async () =>
      (
        await Promise.all(
          programs.map((code) =>
            get<{ targets: TargetView[]; series: { activities: { targets: TargetView[] }[] }[] }>(
              `/api/programs/${code}`,
            ),
          ),
        )
      ).flatMap((p) => [...p.targets, ...p.series.flatMap((s) => s.activities.flatMap((a) => a.targets))]),
    enabled: programs.length > 0,
  });
  const [activityId, setActivityId] = useState<number>();
  const activity = activities.find((a) => a.id === (activityId ?? activities[0]?.id));
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('console:outcomes.title')}</h1>}>
      <Tabs
        items={[
          {
            key: 'outcomes',
            label: t('console:activities.outcomes'),
            children: (
              <>
                <Select
                  aria-label={t('console:outcomes.activity')}
                  style={{ width: '100%', maxWidth: 520, marginBottom: 12 }}
                  value={activity?.id}
                  onChange={setActivityId}
                  options={activities.map((a) => ({ value: a.id, label: `${a.label} ${a.shortTitle ?? a.title}` }))}
                />
                {activity && <OutcomesOf key={activity.id} activity={activity} />}
              </>
            ),
          },
          {
            key: 'reports',
            label: t('console:outcomes.reports'),
            children: (
              <Reports
                targets={targets.data ?? []}
                unitIds={me.data?.unitIds ?? []}
                admin={me.data?.role === 'admin'}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
