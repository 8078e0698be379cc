import type { ReactNode } from 'react';
import styles from './Panel.module.css';

/**
 * A white box with an optional heading. antd's Card would do, but it pulls Tabs, Dropdown and
 * Menu into the first load of every page (see `npm run bench`, web: first-load size).
 */
export function Panel({
  title,
  extra,
  children,
  level = 2,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={styles.panel}>
      {title && (
        <div className={styles.head}>
          <Heading className={styles.title}>{title}</Heading>
          {extra}
        </div>
      )}
      <div className={styles.body}>{children}</div>
    </section>
  );
}
