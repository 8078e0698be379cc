import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ConsoleTheme } from '../lib/ConsoleTheme';
import { signIn } from '../lib/session';
import styles from '../console.module.css';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(values.email, values.password);
      client.removeQueries({ queryKey: ['console'] });
      const next = params.get('next');
      navigate(next && next.startsWith('/console') ? next : '/console', { replace: true });
    } catch (e) {
      const status = (e as { status?: number }).status;
      setError(status === 429 ? t('console:login.throttled') : (e as Error).message || t('console:login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConsoleTheme>
      <Card className={styles.loginCard}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('console:login.title')}
        </Typography.Title>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="email" label={t('console:login.email')} rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="username" inputMode="email" />
          </Form.Item>
          <Form.Item name="password" label={t('console:login.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('console:login.submit')}
          </Button>
        </Form>
      </Card>
    </ConsoleTheme>
  );
}
