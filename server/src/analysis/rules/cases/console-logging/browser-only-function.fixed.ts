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
    logger.warn('no window: using the configured URL');
    return 'http://localhost';
  }
  return window.location.origin;
}

export async function saveDocument(load: () => Promise<{ body: string }>): Promise<void> {
  const document = await load();
  logger.info({ documentBodyCount: document.body.length }, 'saving');
  logger.info('saved');
}
