import type { ImportRun } from '@contract/imports';
import { ApiError, parseAnswer, toApiError } from '../../api/client';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends the file as the raw body of POST /imports. XMLHttpRequest rather than fetch: only it reports
 * upload progress, and a LinkedIn export can be tens of megabytes on a slow uplink.
 */
export function uploadImport(
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports?${new URLSearchParams({ fileName: file.name || 'upload' })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-tend-csrf', '1');
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    // Small files may send no progress event at all; the upload's end means every byte left.
    xhr.upload.onload = () => onProgress({ loaded: file.size, total: file.size });
    xhr.onerror = () => reject(new ApiError(0, 'cannot reach the server; check your connection'));
    xhr.onabort = () => reject(new ApiError(0, 'upload cancelled'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        // A throw here would escape the promise (this is a callback, not the executor).
        try {
          resolve(parseAnswer<ImportRun>(xhr.status, xhr.responseText));
        } catch (err) {
          reject(err);
        }
        return;
      }
      const res = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      void toApiError(res).then(reject);
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** "1.2 MB" for a byte count (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** Whole percent, never past 100 and 100 only when every byte is sent. */
export function percentOf({ loaded, total }: UploadProgress): number {
  if (total <= 0) return 0;
  if (loaded >= total) return 100;
  return Math.min(99, Math.floor((loaded / total) * 100));
}
