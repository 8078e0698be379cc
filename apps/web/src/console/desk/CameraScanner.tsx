import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Reads QR codes from the camera: getUserMedia (back camera preferred) and jsQR on video frames,
 * a few times a second. jsQR is loaded only when the camera is opened.
 */
export function CameraScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string>();
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    let last = '';
    let lastAt = 0;
    (async () => {
      try {
        const { default: jsQR } = await import('jsqr');
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const canvas = document.createElement('canvas');
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        const tick = () => {
          const v = video.current;
          if (stopped || !v) return;
          if (v.readyState >= 2 && v.videoWidth > 0) {
            // a smaller frame is enough for a code held up to the phone, and much cheaper
            const scale = Math.min(1, 640 / v.videoWidth);
            canvas.width = Math.round(v.videoWidth * scale);
            canvas.height = Math.round(v.videoHeight * scale);
            ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
            const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
            const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
            const now = Date.now();
            if (found?.data && (found.data !== last || now - lastAt > 4000)) {
              last = found.data;
              lastAt = now;
              onCodeRef.current(found.data.trim());
            }
          }
          timer = window.setTimeout(tick, 150);
        };
        tick();
      } catch (e) {
        setError(`${t('console:desk.cameraDenied')}：${(e as Error).message}`);
      }
    })();
    return () => {
      stopped = true;
      if (timer) window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  return (
    <div>
      {error ? (
        <Alert type="warning" showIcon title={error} />
      ) : (
        <video
          ref={video}
          muted
          playsInline
          style={{ width: '100%', maxHeight: 320, background: '#000', borderRadius: 8 }}
          aria-label={t('console:desk.camera')}
        />
      )}
      <Button onClick={onClose} style={{ marginTop: 8 }} block>
        {t('console:desk.stopCamera')}
      </Button>
    </div>
  );
}
