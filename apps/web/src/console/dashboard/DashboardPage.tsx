import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, errorMessage, get } from '../lib/http';
import { Loading } from '../lib/Loading';
import { bjTime } from '../lib/time';
import styles from '../console.module.css';
import { STATUS_COLOR, type ProgramProgress, type ProgressStatus, type TargetProgress } from './types';

// ECharts is large: its chunk loads only when the dashboard shows a chart
const RollupChart = lazy(() => import('./RollupChart'));

const STATUSES: ProgressStatus[] = ['met', 'on_track', 'behind', 'not_started'];

/** 进度看板: every target of a plan, actual against target, with roll-ups and downloads. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const programs = useQuery({
    queryKey: ['console', 'programs'],
    queryFn: () => get<{ code: string; title: string }[]>('/api/programs'),
  });
  const [code, setCode] = useState<string>();
  const current = code ?? programs.data?.[0]?.code;
  const progress = useQuery({
    queryKey: ['console', 'progress', current],
    queryFn: () => get<ProgramProgress>(`/api/programs/${current}/progress`),
    enabled: current !== undefined,
  });
  const [series, setSeries] = useState<number>();
  const [unit, setUnit] = useState<number>();
  const [status, setStatus] = useState<ProgressStatus>();

  const rows = useMemo(
    () =>
      (progress.data?.targets ?? []).filter(
        (x) =>
          (series === undefined || x.seriesId === series) &&
          (unit === undefined || x.responsibleUnits[0]?.id === unit) &&
          (status === undefined || x.status === status),
      ),
    [progress.data, series, unit, status],
  );
  if (programs.isPending || (current && progress.isPending)) return <Loading />;
  const data = progress.data;
  const units = data
    ? [
        ...new Map(
          data.targets.flatMap((x) =>
            x.responsibleUnits[0] ? [[x.responsibleUnits[0].id, x.responsibleUnits[0]] as const] : [],
          ),
        ).values(),
      ]
    : [];
  const seriesTitle = (id: number | null) => data?.bySeries.find((s) => s.seriesId === id)?.title ?? '—';

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('console:dashboard.title')}</h1>}>
      <div className={styles.toolbar}>
        <Select
          aria-label={t('console:dashboard.program')}
          style={{ minWidth: 280, maxWidth: '100%' }}
          value={current}
          onChange={(c) => {
            setCode(c);
            setSeries(undefined);
            setUnit(undefined);
          }}
          options={(programs.data ?? []).map((p) => ({ value: p.code, label: p.title }))}
        />
        <Select
          allowClear
          aria-label={t('console:dashboard.series')}
          placeholder={t('console:dashboard.series')}
          style={{ width: 200 }}
          value={series}
          onChange={setSeries}
          options={(data?.bySeries ?? [])
            .filter((s) => s.seriesId !== null)
            .map((s) => ({ value: s.seriesId!, label: s.title ?? '' }))}
        />
        <Select
          allowClear
          aria-label={t('console:dashboard.unit')}
          placeholder={t('console:dashboard.unit')}
          style={{ width: 160 }}
          value={unit}
          onChange={setUnit}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select
          allowClear
          aria-label={t('console:dashboard.status')}
          placeholder={t('console:dashboard.status')}
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`console:progressStatus.${s}`) }))}
        />
        <Space>
          <Button
            onClick={() =>
              download(`/api/programs/${current}/progress.csv`, `${current}-progress.csv`).catch((e) =>
                message.error(errorMessage(e)),
              )
            }
          >
            {t('console:dashboard.csv')}
          </Button>
          <Button
            onClick={() =>
              download(`/api/programs/${current}/progress.xlsx`, `${current}-progress.xlsx`).catch((e) =>
                message.error(errorMessage(e)),
              )
            }
          >
            {t('console:dashboard.xlsx')}
          </Button>
        </Space>
      </div>
      {data && (
        <Typography.Paragraph type="secondary">
          {data.program.title} · {bjTime(data.asOf)}
        </Typography.Paragraph>
      )}
      <Table<TargetProgress>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ defaultPageSize: 100, showSizeChanger: true }}
        columns={[
          { title: t('console:dashboard.label'), dataIndex: 'label' },
          { title: t('console:dashboard.series'), render: (_, x) => seriesTitle(x.seriesId) },
          { title: t('console:dashboard.unit'), render: (_, x) => x.responsibleUnits[0]?.name ?? '' },
          {
            title: t('console:dashboard.target'),
            render: (_, x) => `${x.comparator === 'at_least' ? '≥' : ''}${x.target} ${x.unit}`,
          },
          {
            title: t('console:dashboard.actual'),
            render: (_, x) => <span data-testid={`actual-${x.code}`}>{x.actual}</span>,
          },
          {
            title: t('console:dashboard.ratio'),
            render: (_, x) => (
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
                <progress
                  max={100}
                  value={Math.round(Math.min(1, x.ratio) * 100)}
                  aria-label={x.label}
                  style={{ width: 80, accentColor: STATUS_COLOR[x.status] }}
                />
                {Math.round(x.ratio * 100)}%
              </span>
            ),
          },
          {
            title: t('console:dashboard.status'),
            render: (_, x) => <Tag color={STATUS_COLOR[x.status]}>{t(`console:progressStatus.${x.status}`)}</Tag>,
          },
        ]}
      />
      {data && (
        <Suspense fallback={<Loading />}>
          <div className={styles.charts}>
            <RollupChart
              title={t('console:dashboard.byUnit')}
              rows={data.byUnit.map((u) => ({ ...u, name: u.unit.name }))}
            />
            <RollupChart
              title={t('console:dashboard.bySeries')}
              rows={data.bySeries.map((s) => ({ ...s, name: s.title ?? '—' }))}
            />
          </div>
        </Suspense>
      )}
    </Card>
  );
}
