import type { ReactNode } from 'react';
import styles from './Tag.module.css';

/**
 * antd's Tag as the public pages use it (filled grey, or solid in one colour), without its preset
 * colours and checkable tags: ~2.5 KB gzipped less on the registration page's first load.
 */
export function Tag({ color, children }: { color?: string; children: ReactNode }) {
  return color ? (
    <span className={`${styles.tag} ${styles.solid}`} style={{ background: color }}>
      {children}
    </span>
  ) : (
    <span className={styles.tag}>{children}</span>
  );
}

/** Tags in a wrapping row, named for screen readers. */
export function TagGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className={styles.group}>
      {children}
    </div>
  );
}
