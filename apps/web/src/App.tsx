import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// the ES build: 'antd/locale/zh_CN' is CommonJS and drags the lib/ copies of its imports in
import zhCN from 'antd/es/locale/zh_CN';
import type { Locale } from 'antd/es/locale';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { AppRoutes } from './router';

/** antd's default greys and brights miss WCAG AA contrast on white (axe: color-contrast); these pass. */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6e6e6e',
  },
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // a 4xx will not get better by asking again
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  const { i18n } = useTranslation();
  const [enUS, setEnUS] = useState<Locale>();
  useEffect(() => {
    // antd's English texts are a separate chunk, fetched only for English readers
    if (i18n.language === 'en' && !enUS) void import('antd/es/locale/en_US').then((m) => setEnUS(m.default));
  }, [i18n.language, enUS]);
  return (
    <ConfigProvider locale={i18n.language === 'en' && enUS ? enUS : zhCN} theme={THEME}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
