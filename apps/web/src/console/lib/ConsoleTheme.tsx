import { App, ConfigProvider } from 'antd';
import '../i18n';
import './session';
import type { ReactNode } from 'react';

/**
 * Darker text, link and status colours than antd's defaults, so every text in the console meets
 * WCAG AA contrast (4.5:1) on white and on the page's grey (axe: color-contrast). It also brings the
 * console's strings and the token middleware, and antd's App context (message, modal).
 */
export function ConsoleTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorLink: '#0b4fb3',
          colorPrimary: '#0b4fb3',
          colorError: '#b3141d',
          colorWarning: '#8a4b00',
          colorSuccess: '#237804',
        },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
