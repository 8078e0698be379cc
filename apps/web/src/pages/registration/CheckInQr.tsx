import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import styles from '../pages.module.css';

/** The check-in code as a QR image, drawn in the browser with the same `qrcode` package as the mail's. */
export function CheckInQr({ code, label }: { code: string; label: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, width: 240 }).then(
      (url) => live && setSrc(url),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (!src) return <Skeleton.Node active style={{ width: 240, height: 240 }} />;
  return <img src={src} alt={label} className={styles.qr} data-testid="check-in-qr" width={240} height={240} />;
}
