// @case library=pino loggerModule=src/logger.ts
// A helper file the server loads too (an editor's schema imports it): the functions that make DOM
// elements can run only in a browser, so their console output is the browser's. The isomorphic one
// (it asks `typeof window`) and the one whose `document` is a row of the server's stay the server's.
import { logger } from '../logger';

export function videoDimensions(file: Blob): Promise<number | undefined> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    video.onerror = () => {
      console.warn('Failed to load video for dimensions');
      resolve(undefined);
    };
    video.src = String(file);
  });
}

export function imageWidth(src: string): Promise<number> {
  const img = new Image();
  img.src = src;
  return new Promise((resolve) => {
    img.onload = () => resolve(img.width);
    img.onerror = () => console.error('image failed', src);
  });
}

export function baseUrl(): string {
  if (typeof window === 'undefined') {
    console.warn('no window: using the configured URL');
  //~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    return 'http://localhost';
  }
  return window.location.origin;
}

// Postiz's shared Sentry set-up: only the branch that asks for a window (or the `else` of one that
// asks for none) runs in the browser; the rest of the function runs on the server too.
export function beforeSend(eventId: string | undefined, showDialog: (id: string) => Promise<void>): void {
  if (eventId) {
    if (typeof window !== 'undefined' && window.document) {
      showDialog(eventId).catch((err) => console.error('report dialog failed:', err));
    }
    if (typeof document === 'undefined') {
      console.warn('no report dialog outside a browser');
    //~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    } else {
      console.info('report dialog shown');
    }
  }
  console.error('event sent', eventId);
//~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

export async function saveDocument(load: () => Promise<{ body: string }>): Promise<void> {
  const document = await load();
  console.log('saving', document.body.length);
//~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
  logger.info('saved');
}
